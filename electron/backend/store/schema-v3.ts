// Workspace format 3: what an outcome means, explicitly. SQLite cannot relax a NOT NULL constraint,
// so the outcomes table is rebuilt (nothing references it) with the same rows.
//   won          1 won, 0 lost (closed lost, churned, cancelled), NULL open or unknown.
//   is_expansion 1 the outcome is an expansion (upgrade, upsell, cross-sell, add-on, more seats),
//                won or not; 0 it is not (new business, renewal, downgrade, churn); NULL the type is
//                unknown (in neither word list and not classified by the user) — never guessed.
//   seats        the quantity of a subscription or deal (subscription rule: more seats is an upgrade).
//   probability  0–1; is_closed, churned 0/1: the inputs won was read from, as the file gave them.
export const schemaV3 = /* sql */ `
CREATE TABLE outcomes_v3 (
  id           TEXT PRIMARY KEY,
  account_key  INTEGER NOT NULL REFERENCES accounts(key) ON DELETE CASCADE,
  type         TEXT,
  stage        TEXT,
  opened_date  TEXT,
  close_date   TEXT,
  amount       REAL,
  won          INTEGER CHECK (won IN (0,1)),
  is_expansion INTEGER CHECK (is_expansion IN (0,1)),
  seats        INTEGER,
  probability  REAL,
  is_closed    INTEGER CHECK (is_closed IN (0,1)),
  churned      INTEGER CHECK (churned IN (0,1)),
  custom       TEXT CHECK (custom IS NULL OR json_valid(custom)),
  import_id    INTEGER REFERENCES imports(id)
);
INSERT INTO outcomes_v3 (id, account_key, type, stage, opened_date, close_date, amount, won, is_expansion, custom, import_id)
  SELECT id, account_key, type, stage, opened_date, close_date, amount, won, is_expansion, custom, import_id FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_v3 RENAME TO outcomes;
CREATE INDEX outcomes_by_account ON outcomes(account_key, close_date);
`;
