// The desktop window never names a file itself: the main process's dialogs answer with an opaque
// handle, and only a handle it issued (for the same use) is turned back into the path when a call
// reaches the backend. A page that is compromised can therefore touch only what the user picked.
// Plain logic, no `electron` import: tested directly.
import { randomBytes } from 'node:crypto';
import { contract, type MethodName } from '#shared/api/contract';
import type { ApiResult } from '#shared/api/result';
import { pathFieldsOf, type PathAccess } from '#shared/api/user-path';

export interface PathGrant {
  path: string;
  access: PathAccess;
}

export interface PathHandles {
  /** A handle standing for `path`, usable only for `access`. */
  issue(path: string, access: PathAccess): string;
  /** The call's arguments with every handle replaced by its path, and the grants to pass on. */
  resolve(name: MethodName, args: unknown): ApiResult<{ args: unknown; grants: PathGrant[] }>;
}

const prefix = 'ladder-file:';

export function createPathHandles(): PathHandles {
  const issued = new Map<string, PathGrant>();
  return {
    issue(path, access) {
      const handle = `${prefix}${randomBytes(16).toString('hex')}`;
      issued.set(handle, { path, access });
      return handle;
    },
    resolve(name, args) {
      const fields = pathFieldsOf(contract[name].args);
      if (fields.length === 0 || typeof args !== 'object' || args === null)
        return { ok: true, value: { args, grants: [] } };
      const next: Record<string, unknown> = { ...(args as Record<string, unknown>) };
      const grants: PathGrant[] = [];
      for (const { key, access } of fields) {
        const value = next[key];
        if (value === undefined) continue;
        const grant = typeof value === 'string' ? issued.get(value) : undefined;
        if (!grant || grant.access !== access) {
          return {
            ok: false,
            error: {
              code: 'forbidden',
              message: 'The Ladder window can only use files chosen in Ladder’s own dialogs; choose the file again.',
            },
          };
        }
        next[key] = grant.path;
        grants.push(grant);
      }
      return { ok: true, value: { args: next, grants } };
    },
  };
}
