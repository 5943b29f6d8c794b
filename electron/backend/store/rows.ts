// One row type per workspace table, written once from the schema (schema-v1.ts and the migrations
// after it) and checked against a freshly migrated workspace by test/integration/workspace-rows.test.ts.
// The column lists are data, so that test can compare them with PRAGMA table_info; the row types are
// derived from them. `get` and `all` are the typed reads: `all<Pick<ImportRow, 'id' | 'kind'>>(…)`.
import type { Db } from './sqlite';

/** SQLite's declared type; a trailing "?" means the column may hold NULL. */
type ColumnType = 'INTEGER' | 'INTEGER?' | 'REAL' | 'REAL?' | 'TEXT' | 'TEXT?' | 'ANY' | 'ANY?';

export const tableColumns = {
  workspace_meta: { key: 'TEXT', value: 'TEXT' },
  imports: {
    id: 'INTEGER',
    file_name: 'TEXT',
    file_size: 'INTEGER',
    sha256: 'TEXT',
    kind: 'TEXT',
    mapping: 'TEXT?',
    rows_read: 'INTEGER',
    rows_imported: 'INTEGER',
    rows_rejected: 'INTEGER',
    started_at: 'TEXT',
    finished_at: 'TEXT',
    undone_at: 'TEXT?',
    rows_inserted: 'INTEGER',
    rows_updated: 'INTEGER',
    report: 'TEXT?',
  },
  accounts: {
    key: 'INTEGER',
    id: 'TEXT',
    name: 'TEXT',
    domain: 'TEXT?',
    segment: 'TEXT?',
    industry: 'TEXT?',
    region: 'TEXT?',
    employees: 'INTEGER?',
    owner_csm: 'TEXT?',
    owner_am: 'TEXT?',
    tier: 'TEXT?',
    arr: 'REAL?',
    seats_licensed: 'INTEGER?',
    contract_start: 'TEXT?',
    renewal_date: 'TEXT?',
    health_score: 'REAL?',
    nps: 'REAL?',
    journey_stage: 'TEXT?',
    economic_buyer_known: 'INTEGER?',
    custom: 'TEXT?',
    import_id: 'INTEGER?',
  },
  periods: {
    account_key: 'INTEGER',
    period_start: 'TEXT',
    grain: 'TEXT',
    active_users: 'REAL?',
    non_admin_active_users: 'REAL?',
    seats_used: 'REAL?',
    departments_active: 'REAL?',
    power_users: 'REAL?',
    advanced_features_used: 'REAL?',
    advanced_feature_events: 'REAL?',
    advanced_feature_teams: 'REAL?',
    api_calls: 'REAL?',
    api_limit: 'REAL?',
    storage_gb: 'REAL?',
    storage_limit_gb: 'REAL?',
    top_user_sessions: 'REAL?',
    total_sessions: 'REAL?',
    invites_sent: 'REAL?',
    admin_actions: 'REAL?',
    admin_seats: 'REAL?',
    tickets_reactive: 'REAL?',
    tickets_exploratory: 'REAL?',
    tickets_automation: 'REAL?',
    pricing_page_views: 'REAL?',
    exec_meetings: 'REAL?',
    headcount: 'REAL?',
    custom: 'TEXT?',
    import_id: 'INTEGER?',
  },
  users: {
    account_key: 'INTEGER',
    user_id: 'TEXT',
    email: 'TEXT?',
    name: 'TEXT?',
    role: 'TEXT?',
    department: 'TEXT?',
    is_admin: 'INTEGER?',
    created_at: 'TEXT?',
    last_active: 'TEXT?',
    sessions_30d: 'REAL?',
    hours_per_day: 'REAL?',
    custom: 'TEXT?',
    import_id: 'INTEGER?',
  },
  outcomes: {
    id: 'TEXT',
    account_key: 'INTEGER',
    type: 'TEXT?',
    stage: 'TEXT?',
    opened_date: 'TEXT?',
    close_date: 'TEXT?',
    amount: 'REAL?',
    won: 'INTEGER?',
    is_expansion: 'INTEGER?',
    seats: 'INTEGER?',
    probability: 'REAL?',
    is_closed: 'INTEGER?',
    churned: 'INTEGER?',
    custom: 'TEXT?',
    import_id: 'INTEGER?',
  },
  tickets: {
    id: 'TEXT',
    account_key: 'INTEGER',
    created_at: 'TEXT?',
    subject: 'TEXT?',
    body: 'TEXT?',
    category: 'TEXT?',
    status: 'TEXT?',
    kind: 'TEXT?',
    custom: 'TEXT?',
    import_id: 'INTEGER?',
  },
  models: { id: 'INTEGER', name: 'TEXT', created_at: 'TEXT' },
  model_versions: {
    id: 'INTEGER',
    model_id: 'INTEGER',
    version: 'INTEGER',
    pack: 'TEXT',
    note: 'TEXT?',
    created_at: 'TEXT',
  },
  demo_patterns: { pattern: 'TEXT', label: 'TEXT', description: 'TEXT', designed_share: 'REAL' },
  account_patterns: { account_key: 'INTEGER', pattern: 'TEXT' },
  import_undo: { import_id: 'INTEGER', tbl: 'TEXT', key1: 'ANY', key2: 'ANY?', before: 'TEXT' },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type TableName = keyof typeof tableColumns;

type ValueOf<T extends ColumnType> = T extends `${infer Base}?`
  ? ValueOf<Base & ColumnType> | null
  : T extends 'INTEGER' | 'REAL'
    ? number
    : T extends 'TEXT'
      ? string
      : number | string;

export type Row<T extends TableName> = {
  -readonly [C in keyof (typeof tableColumns)[T]]: ValueOf<(typeof tableColumns)[T][C] & ColumnType>;
};

export type ImportRow = Row<'imports'>;
export type AccountRecordRow = Row<'accounts'>;
export type PeriodRow = Row<'periods'>;
export type UserRow = Row<'users'>;
export type OutcomeRow = Row<'outcomes'>;
export type TicketRow = Row<'tickets'>;
export type ModelRow = Row<'models'>;
export type ModelVersionRow = Row<'model_versions'>;
export type ImportUndoRow = Row<'import_undo'>;
export type MetaRow = Row<'workspace_meta'>;

/** The first row of a query, typed by the caller from the row types above (or a computed shape). */
export const get = <R>(db: Db, sql: string, ...params: unknown[]): R | undefined =>
  db.prepare<unknown[], R>(sql).get(...params);

/** Every row of a query. */
export const all = <R>(db: Db, sql: string, ...params: unknown[]): R[] => db.prepare<unknown[], R>(sql).all(...params);
