// Paths in API arguments are the one kind of value that can reach the file system, so the contract
// marks them: `userPath(access)` registers the field, and the backend confines every registered
// field to what the user chose (see electron/backend/api/confine.ts) before a handler runs. A
// contract test refuses any path-like field declared without it.
import { z } from 'zod';

/** read: a file to import; write: an export target; workspace: a workspace file to open (read and write). */
export type PathAccess = 'read' | 'write' | 'workspace';

export const userPaths = z.registry<{ access: PathAccess }>();

export function userPath(access: PathAccess) {
  const schema = z.string().min(1, 'A file path is required.').max(4096, 'That path is too long.');
  userPaths.add(schema, { access });
  return schema;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault)
    current = current.unwrap() as z.ZodType;
  return current;
}

/** The top-level fields of an argument schema that carry a user path, with their access. */
export function pathFieldsOf(schema: z.ZodType): { key: string; access: PathAccess }[] {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return [];
  const fields: { key: string; access: PathAccess }[] = [];
  for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    const meta = userPaths.get(unwrap(field));
    if (meta) fields.push({ key, access: meta.access });
  }
  return fields;
}
