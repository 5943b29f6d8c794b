// Messages between Electron's main process and the backend's utility process (carried by
// #shared/request-reply): one op, an API call by name, answered with the API's result envelope.
import type { ApiResult } from '#shared/api/result';

export type BackendRequest = { op: 'call'; name: string; args: unknown };

export interface BackendReplies {
  call: ApiResult<unknown>;
}
