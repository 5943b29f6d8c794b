// The typed client: `call('workspace.overview', {})` is checked against the contract at compile time.
import type { ArgsOf, MethodName, ResultOf } from './contract';
import { isApiResult, type ApiError, type ApiResult } from './result';
import { messageOf } from '../error-message';

export type Transport = (name: MethodName, args: unknown) => Promise<unknown>;

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface ApiClient {
  /** Resolves with the result or rejects with an `ApiCallError` carrying the backend's sentence. */
  call<M extends MethodName>(name: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  /** Resolves with the envelope, for callers that branch on the error code. */
  request<M extends MethodName>(name: M, args: ArgsOf<M>): Promise<ApiResult<ResultOf<M>>>;
}

export function createClient(transport: Transport): ApiClient {
  const request = async <M extends MethodName>(name: M, args: ArgsOf<M>) => {
    let raw: unknown;
    try {
      raw = await transport(name, args);
    } catch (error) {
      const message = messageOf(error);
      return {
        ok: false,
        error: { code: 'internal', message: `Could not reach the Ladder backend: ${message}` },
      } as const;
    }
    if (!isApiResult(raw)) {
      return { ok: false, error: { code: 'internal', message: 'The Ladder backend sent a malformed reply.' } } as const;
    }
    return raw as ApiResult<ResultOf<M>>;
  };
  return {
    request,
    async call(name, args) {
      const result = await request(name, args);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
  };
}
