// The envelope every API call returns, whichever transport carried it. Errors cross process
// boundaries as plain data (code + one readable sentence), never as stack traces.

export const errorCodes = [
  'bad_request',
  'unknown_method',
  'not_found',
  'no_workspace',
  'invalid_workspace',
  'newer_workspace',
  'unsupported',
  /** A path the user did not choose (browser mode and the desktop window are confined). */
  'forbidden',
  /** The file system refused: disk full, no permission, read-only… (the sentence says which). */
  'io',
  'conflict',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An expected failure with a user-facing sentence; anything else is reported as `internal`. */
export class LadderError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LadderError';
  }
}

export function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true) return Object.hasOwn(value, 'value');
  if (ok !== false) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ApiError).code === 'string' &&
    typeof (error as ApiError).message === 'string'
  );
}
