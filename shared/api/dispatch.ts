// Turns a handler map into the one entry point every transport calls: look the method up (own
// properties only, so `__proto__` or `constructor` are just unknown names), validate the argument
// object, run the handler and wrap the outcome in the result envelope.
import { describeZodError } from '../issues';
import {
  contract,
  isMethodName,
  type BackendMethodName,
  type MethodName,
  type ParsedArgsOf,
  type ResultOf,
} from './contract';
import { withoutDesktop } from './dialog-contract';
import { isDialogMethodName } from './dialog-method-names';
import { LadderError, type ApiResult } from './result';
import { messageOf } from '../error-message';

export type Handler<M extends MethodName, Ctx> = (
  args: ParsedArgsOf<M>,
  ctx: Ctx,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** A handler for each method of a set: the backend's (every method but the dialogs), or the main process's dialogs. */
export type Handlers<Ctx, Names extends MethodName = BackendMethodName> = { [M in Names]: Handler<M, Ctx> };

export type Dispatch = (name: string, args: unknown) => Promise<ApiResult<unknown>>;

export function validateArgs(name: string, args: unknown): ApiResult<{ name: MethodName; args: unknown }> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method called "${String(name).slice(0, 80)}".` },
    };
  }
  const parsed = contract[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad_request', message: `${name}: ${describeZodError(parsed.error)}` } };
  }
  return { ok: true, value: { name, args: parsed.data } };
}

export function toErrorResult(error: unknown, onUnexpected?: (error: unknown) => void): ApiResult<never> {
  if (error instanceof LadderError) return { ok: false, error: { code: error.code, message: error.message } };
  onUnexpected?.(error);
  const detail = messageOf(error);
  return { ok: false, error: { code: 'internal', message: `Something went wrong inside Ladder: ${detail}` } };
}

export function createDispatcher<Ctx, Names extends MethodName = BackendMethodName>(
  handlers: Handlers<Ctx, Names>,
  ctx: Ctx,
  /** Where unexpected errors (bugs, not user errors) are logged with their stack. */
  onUnexpected: (error: unknown) => void,
): Dispatch {
  return async (name, rawArgs) => {
    const checked = validateArgs(name, rawArgs);
    if (!checked.ok) return checked;
    const { name: known } = checked.value;
    if (!Object.hasOwn(handlers, known)) {
      // A desktop-only method reached a transport without the desktop: say what to do instead.
      const message = isDialogMethodName(known) ? withoutDesktop[known] : `${known} is not available here.`;
      return { ok: false, error: { code: 'unsupported', message } };
    }
    // The one cast: `known` is a method of this map, whose handler takes that method's parsed args.
    const handler = handlers[known as Names] as (args: unknown, ctx: Ctx) => unknown;
    try {
      return { ok: true, value: await handler(checked.value.args, ctx) };
    } catch (error) {
      return toErrorResult(error, onUnexpected);
    }
  };
}
