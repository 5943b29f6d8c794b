// The book of business's handlers (spread into the one handler map).
import { LadderError } from '#shared/api/result';
import type { Handler } from '#shared/api/dispatch';
import type { BookMethodName } from '#shared/api/book-method-names';
import { encodeBookColumns } from '#shared/book/arrow-book';
import {
  accountFields,
  customFieldPattern,
  customFieldPrefix,
  defaultOutcomeDays,
  stageField,
} from '#shared/book/fields';
import { validateOrThrow } from '../packs/presets';
import { resolveAsOf } from '../scoring/score-workspace';
import { requireWorkspace, type Session } from '../session';
import { bookHeatmap } from '../book/book-service';
import { listCustomTextFields, loadCustomTextField } from '../book/custom-fields';
import { flow, flowCellAccounts, ownerLeaderboard, timeline } from '../book/history';
import { loadOutcomeColumns } from '../book/outcome-columns';
import { readOwner, writeOwner } from '../book/owner-preference';
import { whitespaceSummary } from '../book/whitespace-summary';
import { loadPreset } from '../packs/presets';

const validPack = (pack: unknown) =>
  validateOrThrow(typeof pack === 'string' ? pack : JSON.stringify(pack ?? null), 'The model');

export const bookHandlers: { [M in BookMethodName]: Handler<M, Session> } = {
  'book.fields': (_args, session) => {
    const { db } = requireWorkspace(session);
    const owners = db
      .prepare("SELECT DISTINCT owner_csm FROM accounts WHERE owner_csm IS NOT NULL AND owner_csm <> '' ORDER BY 1")
      .pluck()
      .all() as string[];
    return {
      fields: [
        ...accountFields.map((f) => ({ id: f.id, label: f.label })),
        ...listCustomTextFields(db).map((f) => ({ id: f.id, label: f.name, distinct: f.distinct })),
        { id: stageField, label: 'Model stage' },
      ],
      owners,
    };
  },
  'book.columns': ({ asOf, days, fields }, session) => {
    const ws = requireWorkspace(session);
    const date = resolveAsOf(ws, asOf);
    const window = days ?? defaultOutcomeDays;
    const ids = ws.db.prepare('SELECT id FROM accounts ORDER BY key').pluck().all() as string[];
    const outcomes = loadOutcomeColumns(ws.db, ids, date, window);
    const loaded = new Map(
      (fields ?? []).map((f) => {
        if (!customFieldPattern.test(f)) throw new LadderError('bad_request', `"${f}" is not a custom field.`);
        return [f, loadCustomTextField(ws.db, f.slice(customFieldPrefix.length))] as const;
      }),
    );
    return encodeBookColumns({ asOf: date, days: window, accounts: ids.length, ...outcomes, fields: loaded });
  },
  'book.owner': (_args, session) => {
    const ws = requireWorkspace(session);
    return { owner: readOwner(session.dataDir, ws.path) };
  },
  'book.setOwner': ({ owner }, session) => {
    const ws = requireWorkspace(session);
    if (owner !== null) {
      const known = ws.db.prepare('SELECT 1 FROM accounts WHERE owner_csm = ? LIMIT 1').pluck().get(owner);
      if (!known) throw new LadderError('bad_request', `No account is owned by "${owner}".`);
    }
    writeOwner(session.dataDir, ws.path, owner);
    return { owner };
  },
  'book.heatmap': ({ pack, cols, owner, asOf, compare, topN, days, ...rest }, session) =>
    bookHeatmap(requireWorkspace(session), validPack(pack), {
      ...rest,
      ...(cols ? { cols } : {}),
      ...(owner ? { owner } : {}),
      ...(asOf ? { asOf } : {}),
      ...(compare ? { compare } : {}),
      ...(topN ? { topN } : {}),
      ...(days ? { days } : {}),
    }),
  'book.whitespace': ({ pack, owner, asOf }, session) => {
    const ws = requireWorkspace(session);
    // Without a model, any preset carries the default potential (none defines its own).
    const valid = pack === undefined ? loadPreset('emerging-ready-filters') : validPack(pack);
    return whitespaceSummary(ws, valid, resolveAsOf(ws, asOf), owner);
  },
  'book.leaderboard': async ({ pack, asOf, staleWeeks }, session) => {
    const ws = requireWorkspace(session);
    const weeks = staleWeeks ?? 8;
    return {
      staleWeeks: weeks,
      ...(await ownerLeaderboard(ws, validPack(pack), { asOf: resolveAsOf(ws, asOf), staleWeeks: weeks })),
    };
  },
  'book.timeline': async ({ pack, owner, weeks }, session) => {
    const ws = requireWorkspace(session);
    const valid = validPack(pack);
    session.bookJob?.controller.abort(); // a newer request replaces an older one
    const job = { controller: new AbortController(), done: 0, total: 0 };
    session.bookJob = job;
    try {
      const points = await timeline(ws, valid, {
        ...(owner ? { owner } : {}),
        ...(weeks ? { weeks } : {}),
        signal: job.controller.signal,
        onProgress: (done, total) => Object.assign(job, { done, total }),
      });
      return { points };
    } finally {
      if (session.bookJob === job) session.bookJob = undefined;
    }
  },
  'book.progress': (_args, session) => {
    const job = session.bookJob;
    return job ? { running: true, done: job.done, total: job.total } : { running: false, done: 0, total: 0 };
  },
  'book.cancel': (_args, session) => {
    const job = session.bookJob;
    job?.controller.abort();
    return { cancelled: job !== undefined };
  },
  'book.flow': ({ pack, from, to, owner }, session) =>
    flow(requireWorkspace(session), validPack(pack), from, to, owner),
  'book.flowAccounts': ({ pack, ...q }, session) => flowCellAccounts(requireWorkspace(session), validPack(pack), q),
};
