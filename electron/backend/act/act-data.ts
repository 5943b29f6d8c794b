// What alerts, digests, the funnel and slides read from a workspace besides the engine: the account records
// of the accounts they name, the workspace's templates, and the scoring of two as-of dates.
import { LadderError } from '#shared/api/result';
import type { AccountFacts } from '#shared/act/alerts';
import { checkTemplate, TemplateError, templateKinds, type TemplateKind } from '#shared/act/templates';
import type { Templates } from '#shared/act/render-alerts';
import type { ValidPack } from '#shared/pack/validate';
import { scoreWorkspace, resolveAsOf, type ScoredWorkspace } from '../scoring/score-workspace';
import type { Workspace } from '../store/open-workspace';
import type { Db } from '../store/sqlite';

export function accountFacts(db: Db, ids: readonly string[]): Map<string, AccountFacts> {
  const facts = new Map<string, AccountFacts>();
  const read = db.prepare('SELECT id, name, domain, owner_csm, owner_am, renewal_date, arr FROM accounts WHERE id = ?');
  for (const id of ids) {
    const row = read.get(id) as Record<string, string | number | null> | undefined;
    if (!row) continue;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    facts.set(id, {
      name: String(row.name),
      domain: text(row.domain),
      ownerCsm: text(row.owner_csm),
      ownerAm: text(row.owner_am),
      renewalDate: text(row.renewal_date),
      arr: typeof row.arr === 'number' ? row.arr : null,
    });
  }
  return facts;
}

export interface TwoDates {
  since: ScoredWorkspace;
  current: ScoredWorkspace;
}

/** The pack scored at `since` and at `asOf` (default: the latest period); `since` must come first. */
export function scoreTwoDates(ws: Workspace, valid: ValidPack, since: string, asOf?: string): TwoDates {
  const end = resolveAsOf(ws, asOf);
  const start = resolveAsOf(ws, since);
  if (start >= end)
    throw new LadderError('bad_request', `The start date ${start} must come before the as-of date ${end}.`);
  return { since: scoreWorkspace(ws, valid, start), current: scoreWorkspace(ws, valid, end) };
}

const templateKey = (kind: TemplateKind) => `template.${kind}`;

/** The workspace's own templates (the kinds it has replaced). */
export function workspaceTemplates(db: Db): Templates {
  const templates: Templates = {};
  const read = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck();
  for (const kind of templateKinds) {
    const text = read.get(templateKey(kind)) as string | undefined;
    if (text !== undefined) templates[kind] = text;
  }
  return templates;
}

export function isTemplateKind(kind: string): kind is TemplateKind {
  return (templateKinds as readonly string[]).includes(kind);
}

/** Stores a template after checking it; a refused template changes nothing. */
export function saveTemplate(db: Db, kind: TemplateKind, text: string): void {
  try {
    checkTemplate(kind, text);
  } catch (error) {
    if (error instanceof TemplateError) throw new LadderError('bad_request', error.message);
    throw error;
  }
  db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(templateKey(kind), text);
}

export function resetTemplate(db: Db, kind: TemplateKind): boolean {
  return db.prepare('DELETE FROM workspace_meta WHERE key = ?').run(templateKey(kind)).changes > 0;
}
