// The act feature's handlers (spread into the one handler map): thin adapters to the alerts, funnel,
// slides and templates modules, on the open workspace.
import { extname, resolve } from 'node:path';
import type { Handler } from '#shared/api/dispatch';
import type { ActMethodName } from '#shared/api/act-method-names';
import type { TemplateInfo } from '#shared/api/act-contract';
import { LadderError } from '#shared/api/result';
import { defaultTemplates, templateFields, templateKinds, type TemplateKind } from '#shared/act/default-templates';
import { playFunnel } from '#shared/act/play-funnel';
import { refuseWorkspaceTarget } from '../atomic-write';
import { resetTemplate, saveTemplate, workspaceTemplates } from '../act/act-data';
import { buildAlertReport, renderAlerts } from '../act/alerts-service';
import { expansionEvents } from '../act/outcome-events';
import { validateOrThrow } from '../packs/presets';
import { resolveAsOf, scoreWorkspace } from '../scoring/score-workspace';
import { renderDeck, writeDecks } from '../slides/slides-service';
import { requireWorkspace, type Session } from '../session';
import type { Db } from '../store/sqlite';

const validPack = (pack: unknown, what = 'The model') => validateOrThrow(JSON.stringify(pack ?? null), what);
const extensions = { md: 'md', slack: 'json', csv: 'csv', json: 'json' } as const;

function templateInfo(db: Db, kind: TemplateKind): TemplateInfo {
  const own = workspaceTemplates(db)[kind];
  return { kind, custom: own !== undefined, text: own ?? defaultTemplates[kind], fields: templateFields[kind] };
}

export const actHandlers: { [M in ActMethodName]: Handler<M, Session> } = {
  'act.alerts': ({ pack, format, crm, ...request }, session) => {
    const ws = requireWorkspace(session);
    const report = buildAlertReport(ws, validPack(pack), request);
    return {
      format,
      fileName: `alerts-${report.asOf}.${extensions[format]}`,
      content: renderAlerts(ws, report, format, crm ?? 'salesforce'),
      alerts: report.alerts.length,
      since: report.since,
      asOf: report.asOf,
    };
  },
  'act.funnel': ({ pack, from, to, owner }, session) => {
    const ws = requireWorkspace(session);
    const end = resolveAsOf(ws, to);
    if (from >= end)
      throw new LadderError('bad_request', `The start date ${from} must come before the end date ${end}.`);
    const scored = scoreWorkspace(ws, validPack(pack), from);
    const events = expansionEvents(ws.db, scored.build.table, from, end);
    return playFunnel(scored.engine, events, { from, to: end }, owner ?? null);
  },
  'act.slides': async ({ pack, path, asOf, compare, perOwner }, session) => {
    const ws = requireWorkspace(session);
    const out = resolve(path);
    if (extname(out).toLowerCase() !== '.pptx')
      throw new LadderError('bad_request', 'A deck is saved as a .pptx file.');
    refuseWorkspaceTarget(out, ws.path);
    const { decks } = await writeDecks(ws, validPack(pack), {
      out,
      ...(asOf ? { asOf } : {}),
      ...(compare ? { baseline: validPack(compare, 'The baseline') } : {}),
      perOwner: perOwner === true,
    });
    return { decks };
  },
  'act.renderSlides': async ({ pack, asOf, compare }, session) => {
    const ws = requireWorkspace(session);
    const deck = await renderDeck(ws, validPack(pack), {
      ...(asOf ? { asOf } : {}),
      ...(compare ? { baseline: validPack(compare, 'The baseline') } : {}),
    });
    return {
      fileName: `model-review-${deck.asOf}.pptx`,
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      encoding: 'base64',
      content: deck.buffer.toString('base64'),
      slides: deck.slides,
    };
  },
  'act.templates': (_args, session) => {
    const { db } = requireWorkspace(session);
    return templateKinds.map((kind) => templateInfo(db, kind));
  },
  'act.setTemplate': ({ kind, text }, session) => {
    const { db } = requireWorkspace(session);
    saveTemplate(db, kind, text);
    return templateInfo(db, kind);
  },
  'act.resetTemplate': ({ kind }, session) => {
    const { db } = requireWorkspace(session);
    resetTemplate(db, kind);
    return templateInfo(db, kind);
  },
};
