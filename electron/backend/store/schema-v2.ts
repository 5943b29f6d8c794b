// Workspace format 2: what imports need to be undone. An import's own rows carry its import_id;
// the rows it overwrote are kept here as they were (before-images), so undo can delete the one
// and restore the other. The report of each import is kept with it.
export const schemaV2 = /* sql */ `
CREATE TABLE import_undo (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  tbl       TEXT NOT NULL,
  key1      ANY NOT NULL,
  key2      ANY,
  before    TEXT NOT NULL CHECK (json_valid(before))
);
CREATE INDEX import_undo_by_import ON import_undo(import_id, tbl);

ALTER TABLE imports ADD COLUMN rows_inserted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN rows_updated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN report TEXT CHECK (report IS NULL OR json_valid(report));

CREATE INDEX users_by_user ON users(user_id);
`;
