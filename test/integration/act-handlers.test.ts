// The act API through the real dispatcher and handlers on a real demo workspace: alerts agree with a fresh
// scoring at both dates, templates are checked before they are stored, the funnel and the deck are written
// from the pack the app sends.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '#shared/api/dispatch';
import type { RenderedAlerts, TemplateInfo, WrittenDecks } from '#shared/api/act-contract';
import type { PlayFunnel } from '#shared/act/play-funnel';
import { accountScores } from '#shared/engine/engine';
import { handlers } from '../../electron/backend/api/handlers';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { loadPreset } from '../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../electron/backend/scoring/score-workspace';
import { createSession, switchWorkspace, type Session } from '../../electron/backend/session';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const path = join(dir.path, 'act.ladder');
const valid = loadPreset('emerging-ready-filters');
const pack = valid.pack;
let session: Session;
const asOf = '2026-06-01';
const since = '2026-04-06';

async function call<T>(name: string, args: unknown): Promise<T> {
  const dispatch = createDispatcher(handlers, session, (e) => {
    throw e;
  });
  const reply = await dispatch(name, args);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

beforeAll(async () => {
  await writeDemoWorkspace(path, demoDefaults({ accounts: 400, seed: 3, endDate: asOf }));
  session = createSession(join(dir.path, 'data'));
  await switchWorkspace(session, path);
});
afterAll(() => {
  session.workspace?.db.close();
  dir.cleanup();
});

function readyAt(date: string): Set<string> {
  const { engine } = scoreWorkspace(session.workspace!, valid, date);
  const { stage } = accountScores(engine);
  return new Set(engine.features.accountIds.filter((_, i) => stage[i] === engine.model.top));
}

describe('act API', () => {
  it('act.alerts: exactly the accounts that rose into Ready, in the format asked for', async () => {
    const before = readyAt(since);
    const expected = [...readyAt(asOf)].filter((id) => !before.has(id)).sort();
    const json = await call<RenderedAlerts>('act.alerts', { pack, since, asOf, format: 'json' });
    expect(json.alerts).toBe(expected.length);
    expect(
      JSON.parse(json.content)
        .alerts.map((a: { accountId: string }) => a.accountId)
        .sort(),
    ).toEqual(expected);
    const md = await call<RenderedAlerts>('act.alerts', { pack, since, asOf, format: 'md' });
    expect(md.fileName).toBe(`alerts-${asOf}.md`);
    expect(md.content).toMatch(/^# Ready alerts/);
    await expect(call('act.alerts', { pack, since: asOf, asOf: since, format: 'md' })).rejects.toThrow(/bad_request/);
    await expect(call('act.alerts', { pack, since, format: 'pdf' })).rejects.toThrow(/bad_request/);
  });

  it('act.setTemplate stores a checked template, refuses an unescaped one, and act.resetTemplate goes back', async () => {
    const set = await call<TemplateInfo>('act.setTemplate', { kind: 'alerts-markdown', text: '{{count}} alerts' });
    expect(set.custom).toBe(true);
    const md = await call<RenderedAlerts>('act.alerts', { pack, since, asOf, format: 'md' });
    expect(md.content.trim()).toBe(`${md.alerts} alerts`);
    await expect(call('act.setTemplate', { kind: 'alerts-markdown', text: '{{{name}}}' })).rejects.toThrow(
      /bad_request: template alerts-markdown, line 1/,
    );
    expect((await call<TemplateInfo>('act.resetTemplate', { kind: 'alerts-markdown' })).custom).toBe(false);
    const all = await call<TemplateInfo[]>('act.templates', {});
    expect(all.every((t) => !t.custom)).toBe(true);
  });

  it('act.funnel and act.slides work from the pack the app sends', async () => {
    const funnel = await call<PlayFunnel>('act.funnel', { pack, from: '2026-01-05' });
    expect(funnel.signals.map((s) => s.id)).toEqual(pack.signals.map((s) => s.id));
    const deck = join(dir.path, 'review.pptx');
    const written = await call<WrittenDecks>('act.slides', {
      pack,
      path: deck,
      compare: loadPreset('seven-signal-table').pack,
    });
    expect(written.decks).toEqual([{ path: deck, owner: null, slides: expect.any(Number) }]);
    expect(existsSync(deck)).toBe(true);
    await expect(call('act.slides', { pack, path: join(dir.path, 'x.pdf') })).rejects.toThrow(/\.pptx/);
  });
});
