// Workspace format 1: the canonical tables of the domain model (docs/ARCHITECTURE.md §2). Later formats add
// migrations; this text never changes once released.
export const schemaV1 = /* sql */ `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  file_size     INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('accounts','periods','users','events','outcomes','tickets')),
  mapping       TEXT CHECK (mapping IS NULL OR json_valid(mapping)),
  rows_read     INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  undone_at     TEXT
);

-- key is the compact internal row id other tables reference; id is the customer's own account id.
CREATE TABLE accounts (
  key                  INTEGER PRIMARY KEY,
  id                   TEXT NOT NULL UNIQUE,
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
CREATE INDEX accounts_by_owner ON accounts(owner_csm);

-- One row per account and period (week or month); period_start is the ISO date the period begins.
CREATE TABLE periods (
  account_key             INTEGER NOT NULL REFERENCES accounts(key) ON DELETE CASCADE,
  period_start            TEXT NOT NULL,
  grain                   TEXT NOT NULL DEFAULT 'week' CHECK (grain IN ('day','week','month')),
  active_users            REAL,
  non_admin_active_users  REAL,
  seats_used              REAL,
  departments_active      REAL,
  power_users             REAL,
  advanced_features_used  REAL,
  advanced_feature_events REAL,
  advanced_feature_teams  REAL,
  api_calls               REAL,
  api_limit               REAL,
  storage_gb              REAL,
  storage_limit_gb        REAL,
  top_user_sessions       REAL,
  total_sessions          REAL,
  invites_sent            REAL,
  admin_actions           REAL,
  admin_seats             REAL,
  tickets_reactive        REAL,
  tickets_exploratory     REAL,
  tickets_automation      REAL,
  pricing_page_views      REAL,
  exec_meetings           REAL,
  headcount               REAL,
  custom                  TEXT CHECK (custom IS NULL OR json_valid(custom)),
  import_id               INTEGER REFERENCES imports(id),
  PRIMARY KEY (account_key, period_start)
) WITHOUT ROWID;
CREATE INDEX periods_by_start ON periods(period_start);

CREATE TABLE users (
  account_key   INTEGER NOT NULL REFERENCES accounts(key) ON DELETE CASCADE,
  user_id       TEXT NOT NULL,
  email         TEXT,
  name          TEXT,
  role          TEXT,
  department    TEXT,
  is_admin      INTEGER CHECK (is_admin IN (0,1)),
  created_at    TEXT,
  last_active   TEXT,
  sessions_30d  REAL,
  hours_per_day REAL,
  custom        TEXT CHECK (custom IS NULL OR json_valid(custom)),
  import_id     INTEGER REFERENCES imports(id),
  PRIMARY KEY (account_key, user_id)
);

CREATE TABLE outcomes (
  id           TEXT PRIMARY KEY,
  account_key  INTEGER NOT NULL REFERENCES accounts(key) ON DELETE CASCADE,
  type         TEXT,
  stage        TEXT,
  opened_date  TEXT,
  close_date   TEXT,
  amount       REAL,
  won          INTEGER CHECK (won IN (0,1)),
  is_expansion INTEGER NOT NULL CHECK (is_expansion IN (0,1)),
  custom       TEXT CHECK (custom IS NULL OR json_valid(custom)),
  import_id    INTEGER REFERENCES imports(id)
);
CREATE INDEX outcomes_by_account ON outcomes(account_key, close_date);

CREATE TABLE tickets (
  id          TEXT PRIMARY KEY,
  account_key INTEGER NOT NULL REFERENCES accounts(key) ON DELETE CASCADE,
  created_at  TEXT,
  subject     TEXT,
  body        TEXT,
  category    TEXT,
  status      TEXT,
  kind        TEXT CHECK (kind IN ('reactive','exploratory','other')),
  custom      TEXT CHECK (custom IS NULL OR json_valid(custom)),
  import_id   INTEGER REFERENCES imports(id)
);
CREATE INDEX tickets_by_account ON tickets(account_key, created_at);

CREATE TABLE models (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE model_versions (
  id         INTEGER PRIMARY KEY,
  model_id   INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  pack       TEXT NOT NULL CHECK (json_valid(pack)),
  note       TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (model_id, version)
);

-- The demo generator plants known behaviour patterns; these record which account got which, so
-- tests and analysts can check where each planted group lands.
CREATE TABLE demo_patterns (
  pattern        TEXT PRIMARY KEY,
  label          TEXT NOT NULL,
  description    TEXT NOT NULL,
  designed_share REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE account_patterns (
  account_key INTEGER PRIMARY KEY REFERENCES accounts(key) ON DELETE CASCADE,
  pattern     TEXT NOT NULL REFERENCES demo_patterns(pattern)
);
CREATE INDEX account_patterns_by_pattern ON account_patterns(pattern);

CREATE VIEW demo_pattern_shares AS
SELECT p.pattern,
       p.label,
       p.designed_share,
       (SELECT count(*) FROM account_patterns ap WHERE ap.pattern = p.pattern) AS accounts,
       CAST((SELECT count(*) FROM account_patterns ap WHERE ap.pattern = p.pattern) AS REAL)
         / max(1, (SELECT count(*) FROM accounts)) AS share
FROM demo_patterns p;
`;
