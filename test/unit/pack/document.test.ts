// The pack as a file: export → import → export gives the same bytes (JSON and YAML, with meta and
// a validation block), and importing refuses bad or hostile files with a sentence naming the spot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '#shared/engine/engine';
import { packToJson, packToYaml, readPack } from '#shared/pack/document';
import { selectGoldenCases, verifyGoldenCases } from '#shared/pack/golden';
import { checkPack, type PackIssue } from '#shared/pack/validate';
import { repoRoot } from '../../helpers/temp';
import { features } from '../engine/fixtures';

const presetIds = [
  'behavioural-indicators',
  'emerging-ready-filters',
  'seven-signal-table',
  'two-signals-window',
  'value-journey-density',
];
const presetText = (id: string) => readFileSync(join(repoRoot, 'resources', 'packs', `${id}.json`), 'utf8');

function imported(text: string) {
  const result = readPack(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function issuesOf(text: string): PackIssue[] {
  const result = readPack(text);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.issues;
}

/** A preset with meta and a validation block measured on a small table, as an export would write it. */
function documentOf(id: string) {
  const v = imported(presetText(id));
  const n = 12;
  const columns = Object.fromEntries(
    [
      ...v.pack.signals.map((s) => s.metric),
      ...v.pack.filters.flatMap((f) => f.conditions.map((c) => c.metric)),
      ...v.pack.ladder.gates.map((g) => g.condition.metric),
    ].map((m) => [m, Array.from({ length: n }, (_, i) => (i % 5 === 4 ? NaN : i * 0.37))]),
  );
  const table = features({ segment: Array.from({ length: n }, (_, i) => i % 4), columns });
  // Rolling features of sustained signals read the same values as the metric here.
  for (const s of v.pack.signals)
    if (s.sustainedPeriods)
      table.columns.set(
        `${s.metric}__${['<', '<='].includes(s.operator) ? 'max' : 'min'}${s.sustainedPeriods}`,
        table.columns.get(s.metric)!,
      );
  const engine = createEngine(table, v);
  return {
    ...v.pack,
    meta: {
      version: '1.2.0',
      author: 'RevOps «team»',
      notes: 'Line one;\tline two (a tab is fine; line breaks are refused)',
      created: '2026-11-20T10:00:00Z',
      changelog: [{ version: '1.2.0', date: '2026-11-20', notes: 'Raised the seat threshold.' }],
    },
    validation: {
      dataset: { workspace: 'demo.ladder', accounts: n, periods: 0, users: 0, asOf: '2026-11-16' },
      arr: engine.result.arr,
      stages: engine.result.stages.map((s) => ({ id: s.id, accounts: s.accounts, arr: s.arr })),
      cases: selectGoldenCases(engine, v),
    },
  };
}

describe('rule pack documents', () => {
  it.each(presetIds)('%s: JSON export → import → export is byte-identical, with meta and validation', (id) => {
    const first = packToJson(imported(JSON.stringify(documentOf(id))).pack);
    const second = packToJson(imported(first).pack);
    expect(second).toBe(first);
    expect(JSON.parse(first).meta.version).toBe('1.2.0');
    expect(JSON.parse(first).validation.cases.length).toBeGreaterThan(3);
  });

  it.each(presetIds)('%s: YAML export → import gives the same pack, and the same YAML again', (id) => {
    const pack = imported(JSON.stringify(documentOf(id))).pack;
    const yaml = packToYaml(pack);
    expect(yaml.startsWith('# Ladder rule pack')).toBe(true);
    const back = imported(yaml).pack;
    expect(packToJson(back)).toBe(packToJson(pack));
    expect(packToYaml(back)).toBe(yaml);
  });

  it('golden cases in a document re-verify against the engine, and a changed expectation is caught', () => {
    const doc = imported(JSON.stringify(documentOf('emerging-ready-filters')));
    const cases = doc.pack.validation!.cases;
    expect(verifyGoldenCases(doc, cases)).toEqual([]);
    const tampered = structuredClone(cases);
    tampered[0]!.expected.score += 1;
    expect(verifyGoldenCases(doc, tampered)).toEqual([
      { id: tampered[0]!.id, field: 'score', expected: cases[0]!.expected.score + 1, actual: cases[0]!.expected.score },
    ]);
  });

  it('the JSON form of a preset is canonical: defaults filled in, keys in schema order', () => {
    const v = imported(presetText('seven-signal-table'));
    const text = packToJson(v.pack);
    expect(JSON.parse(text).signals[0].enabled).toBe(true);
    expect(Object.keys(JSON.parse(text)).slice(0, 3)).toEqual(['schemaVersion', 'name', 'description']);
  });

  it('refuses unknown metrics, newer schema versions and unknown ids in golden cases, naming the place', () => {
    const p = JSON.parse(presetText('seven-signal-table'));
    p.signals[2].metric = 'headcount_growht';
    expect(issuesOf(JSON.stringify(p))).toEqual([
      { path: 'signals[2].metric', message: 'Unknown metric "headcount_growht".' },
    ]);
    expect(
      issuesOf(JSON.stringify({ ...JSON.parse(presetText('seven-signal-table')), schemaVersion: 2 }))[0]!.message,
    ).toMatch(/schema version 2; this version of Ladder reads up to 1/);
    const doc = documentOf('seven-signal-table');
    doc.validation.cases[0]!.expected.stage = 'nirvana';
    expect(issuesOf(JSON.stringify(doc))).toEqual([
      { path: 'validation.cases[0].expected.stage', message: 'Unknown stage "nirvana".' },
    ]);
  });

  it('refuses hostile YAML: aliases (billion laughs), code tags, prototype keys, duplicate keys, bad syntax', () => {
    const yaml = packToYaml(imported(presetText('two-signals-window')).pack);
    expect(issuesOf(`a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n`)[0]!.message).toMatch(/not valid YAML.*[Aa]lias/);
    expect(
      issuesOf(yaml.replace('name: ', 'name: !!js/function '))
        .map((i) => i.message)
        .join(),
    ).toMatch(/not valid YAML.*tag/i);
    expect(issuesOf(`${yaml}__proto__:\n  polluted: 1\n`)[0]!.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(issuesOf(`${yaml}name: twice\n`)[0]!.message).toMatch(/not valid YAML: Map keys must be unique/);
    expect(issuesOf('signals: [unclosed\n')[0]!.message).toMatch(/^The pack is not valid YAML/);
    expect(issuesOf('x'.repeat(1_000_001))[0]!.message).toMatch(/too large/);
  });

  it('refuses hostile JSON the same way, and a byte-order mark is fine', () => {
    const text = presetText('two-signals-window');
    expect(readPack(`\uFEFF${text}`).ok).toBe(true);
    expect(issuesOf(text.replace('{', '{"__proto__": {"polluted": 1},'))[0]!.message).toMatch(/__proto__/);
    expect(issuesOf(text.slice(0, 100))[0]!.message).toMatch(/^The pack is not valid JSON/);
    expect(checkPack(JSON.parse(text)).ok).toBe(true);
  });
});
