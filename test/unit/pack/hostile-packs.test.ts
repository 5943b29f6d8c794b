// Malformed and hostile packs are refused with a clear message naming where the problem is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack, type PackIssue } from '#shared/pack/validate';
import { repoRoot } from '../../helpers/temp';

const preset = () => JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', 'seven-signal-table.json'), 'utf8'));

function issuesOf(input: unknown): PackIssue[] {
  const result = checkPack(input);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.issues;
}

describe('hostile and malformed packs', () => {
  it('accepts the shipped preset as a baseline', () => {
    expect(checkPack(preset()).ok).toBe(true);
  });

  it('unknown metric in a signal, a clause or an expression', () => {
    const p = preset();
    p.signals[0].metric = 'seat_utilization';
    expect(issuesOf(p)).toEqual([{ path: 'signals[0].metric', message: 'Unknown metric "seat_utilization".' }]);
    const q = preset();
    q.metrics[0].expr = 'seats_used / seat_licences';
    expect(issuesOf(q)[0]).toEqual({
      path: 'metrics[0].expr',
      message: 'Unknown metric "seat_licences". (at column 14)',
    });
  });

  it('a cycle between derived metrics', () => {
    const p = preset();
    p.metrics.push({ id: 'a', label: 'A', expr: 'b + 1' }, { id: 'b', label: 'B', expr: 'a * 2' });
    const issues = issuesOf(p);
    expect(issues.some((i) => /depends on itself/.test(i.message))).toBe(true);
  });

  it('100-deep nesting, as JSON and inside an expression', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { x: deep };
    const p = preset();
    p.description = deep;
    expect(issuesOf(p)[0]!.message).toMatch(/nests more than 24 levels/);
    const q = preset();
    q.metrics[0].expr = `${'('.repeat(100)}seats_used${')'.repeat(100)}`;
    expect(issuesOf(q)[0]!.message).toMatch(/nests more than 64 levels/);
  });

  it('a 10 MB string, as a whole pack or as one field', () => {
    const p = preset();
    p.description = 'x'.repeat(10 * 1024 * 1024);
    expect(issuesOf(JSON.stringify(p))[0]!.message).toMatch(/too large/);
    expect(issuesOf(p)[0]).toMatchObject({ path: 'description' });
  });

  it('__proto__, constructor and prototype keys are refused, and nothing is polluted', () => {
    const text = JSON.stringify(preset()).replace(
      '{"schemaVersion":1',
      '{"__proto__":{"polluted":true},"schemaVersion":1',
    );
    const issues = issuesOf(text);
    expect(issues[0]!.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const p = preset();
    p.signals[0].segmentOverrides = JSON.parse('{"__proto__": {"threshold": 1}}');
    expect(issuesOf(p)[0]!.path).toMatch(/^signals\[0\]\.segmentOverrides/);
    const q = preset();
    q.signals[0].metric = '__proto__';
    expect(issuesOf(q)[0]!.message).toBe('Unknown metric "__proto__".');
  });

  it('NaN and Infinity are not numbers a pack may hold', () => {
    const p = preset();
    p.signals[0].threshold = NaN;
    expect(issuesOf(p)[0]!.path).toBe('signals[0].threshold');
    const q = preset();
    q.signals[0].weight = Infinity;
    expect(issuesOf(q)[0]!.path).toBe('signals[0].weight');
    expect(issuesOf('{"schemaVersion":1,"weight":NaN}')[0]!.message).toMatch(/not valid JSON/);
  });

  it('a newer schema version asks for an update; wrong shapes name the field', () => {
    const p = preset();
    p.schemaVersion = 7;
    expect(issuesOf(p)[0]!.message).toMatch(/schema version 7.*reads up to 1/);
    const q = preset();
    q.signals[1].operator = '=>';
    expect(issuesOf(q)[0]!.path).toBe('signals[1].operator');
    const r = preset();
    r.signals[2].threshold = [1, 2];
    expect(issuesOf(r)[0]).toEqual({ path: 'signals[2].threshold', message: '">" needs a number.' });
    const s = preset();
    s.signals.push({ ...s.signals[0] });
    expect(issuesOf(s)[0]!.message).toMatch(/used twice/);
    const t = preset();
    t.signals[0].sustainedPeriods = 4;
    t.signals[0].metric = 'headcount_growth';
    expect(issuesOf(t)[0]!.message).toMatch(/no value per period/);
  });

  it('a weight too large or too small to keep scores finite (fuzz: -1e308 under shares scored -Infinity)', () => {
    const rule = 'A weight is 0 or between 0.000001 and 1,000,000 in size (either sign)';
    for (const weight of [-1e308, 1e7, 5e-324, -1e-300]) {
      const p = preset();
      p.signals[1].weight = weight;
      expect(issuesOf(p)).toEqual([{ path: 'signals[1].weight', message: `${rule}.` }]);
    }
    const q = preset();
    q.signals[0].segmentOverrides = { SMB: { weight: 2e6 } };
    expect(issuesOf(q).map((i) => i.path)).toEqual(['signals[0].segmentOverrides.SMB.weight']);
    for (const weight of [0, 1e-6, -0.5, 1e6, -1e6]) {
      const p = preset();
      p.signals[1].weight = weight;
      expect(checkPack(p).ok).toBe(true);
    }
  });

  it('a key that is not a plain name is quoted in the path (fuzz: "plays[4].[object Object]" read as a crash)', () => {
    const p = preset();
    p.signals[0]['[object Object]'] = ['\n'];
    expect(issuesOf(p)).toEqual([
      {
        path: 'signals[0]["[object Object]"][0]',
        message:
          'Contains a line break (U+000A) at character 1: pack text cannot hold line breaks, NUL or other ' +
          'control characters (tabs are fine).',
      },
    ]);
    const q = preset();
    q.signals[0]['a.b c'] = 1;
    expect(issuesOf(q).map((i) => i.path)).toEqual(['signals[0]']);
    expect(issuesOf(q)[0]!.message).toContain('a.b c');
  });
});
