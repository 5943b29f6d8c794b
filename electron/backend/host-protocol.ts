// Messages between Electron's main process and the backend's utility process (carried by
// #shared/request-reply): one op, an API call by name, answered with the API's result envelope.
import type { ApiResult } from '#shared/api/result';
import type { PathAccess } from '#shared/api/user-path';

/** `grants`: files the user chose in the main process's dialogs, which this call may use. */
export type BackendRequest = {
  op: 'call';
  name: string;
  args: unknown;
  grants?: { path: string; access: PathAccess }[];
};

export interface BackendReplies {
  call: ApiResult<unknown>;
}
