// Workspace format 4: an account id's uniqueness is a named index (accounts_by_id) rather than the
// table's inline UNIQUE, whose index SQLite never lets go of. A first load into an empty table can
// then drop it and build it once after the load, sorting the ids: with ids in no particular order
// (most exports), keeping it up row by row made each insert a random write into a large index (a
// shuffled 1M-row load took 2-3x longer). The table is rebuilt the way SQLite documents (new table,
// copy, drop, rename) with foreign keys off, keeping every key, so nothing that references an
// account changes; the view that reads the table is made again around the rename.
export const schemaV4 = /* sql */ `
DROP VIEW demo_pattern_shares;
CREATE TABLE accounts_v4 (
  key                  INTEGER PRIMARY KEY,
  id                   TEXT NOT NULL,
  name                 TEXT NOT NULL,
  domain               TEXT,
  segment              TEXT CHECK (segment IN ('SMB','Mid-Market','Enterprise')),
  industry             TEXT,
  region               TEXT,
  employees            INTEGER,
  owner_csm            TEXT,
  owner_am             TEXT,
  tier                 TEXT,
  arr                  REAL,
  seats_licensed       INTEGER,
  contract_start       TEXT,
  renewal_date         TEXT,
  health_score         REAL,
  nps                  REAL,
  journey_stage        TEXT CHECK (journey_stage IN ('baseline','live','first_results','tangible_roi','expansion_ready')),
  economic_buyer_known INTEGER CHECK (economic_buyer_known IN (0,1)),
  custom               TEXT CHECK (custom IS NULL OR json_valid(custom)),
  import_id            INTEGER REFERENCES imports(id)
);
INSERT INTO accounts_v4 (key, id, name, domain, segment, industry, region, employees, owner_csm, owner_am, tier, arr,
    seats_licensed, contract_start, renewal_date, health_score, nps, journey_stage, economic_buyer_known, custom, import_id)
  SELECT key, id, name, domain, segment, industry, region, employees, owner_csm, owner_am, tier, arr,
    seats_licensed, contract_start, renewal_date, health_score, nps, journey_stage, economic_buyer_known, custom, import_id
  FROM accounts ORDER BY key;
DROP TABLE accounts;
ALTER TABLE accounts_v4 RENAME TO accounts;
CREATE UNIQUE INDEX accounts_by_id ON accounts(id);
CREATE INDEX accounts_by_owner ON accounts(owner_csm);
CREATE VIEW demo_pattern_shares AS
SELECT p.pattern,
       p.label,
       p.designed_share,
       (SELECT count(*) FROM account_patterns ap WHERE ap.pattern = p.pattern) AS accounts,
       CAST((SELECT count(*) FROM account_patterns ap WHERE ap.pattern = p.pattern) AS REAL)
         / max(1, (SELECT count(*) FROM accounts)) AS share
FROM demo_patterns p;
`;
