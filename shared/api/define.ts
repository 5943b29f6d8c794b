import type { z } from 'zod';

/** One backend method: the schema of its single argument object, and (as a type only) its result. */
export interface MethodSpec<A extends z.ZodType, R> {
  readonly args: A;
  /** Phantom: carries the result type; never set at run time. */
  readonly result?: R;
}

/** `method<Result>()(argsSchema)`: curried so the result type is explicit and the schema inferred. */
export const method =
  <R>() =>
  <A extends z.ZodType>(args: A): MethodSpec<A, R> => ({ args });
