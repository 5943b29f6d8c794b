// One wording for problems found in documents: paths as people write them, the first few issues,
// "(and N more)", and the same sentence for an invalid pack wherever it is checked.
import { z } from 'zod';
import { describeIssues, describeZodError, issuePath, zodIssues } from '#shared/issues';
import { checkPack, describePackIssues } from '#shared/pack/validate';

describe('issue describers', () => {
  it('writes zod paths with brackets for indexes', () => {
    expect(issuePath(['signals', 0, 'metric'])).toBe('signals[0].metric');
    expect(issuePath([])).toBe('');
    const schema = z.object({ rows: z.array(z.object({ n: z.number() })) });
    const failed = schema.safeParse({ rows: [{ n: 1 }, { n: 'x' }] });
    if (failed.success) throw new Error('expected a failure');
    expect(zodIssues(failed.error)[0]!.path).toBe('rows[1].n');
    expect(describeZodError(failed.error)).toMatch(/^rows\[1\]\.n: /);
  });

  it('lists five issues at most and counts the rest', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: `p${i}`, message: `Problem ${i}.` }));
    expect(describeIssues(issues)).toBe(
      'p0: Problem 0; p1: Problem 1; p2: Problem 2; p3: Problem 3; p4: Problem 4 (and 2 more)',
    );
    expect(describeIssues([{ path: '', message: 'Whole document.' }])).toBe('Whole document');
  });

  it('words an invalid pack as one sentence naming its source', () => {
    const checked = checkPack('{"schemaVersion": 1, "name": "x", "signals": []}');
    if (checked.ok) throw new Error('expected an invalid pack');
    expect(describePackIssues(checked.issues, 'pack.json')).toMatch(
      /^pack\.json is not a valid rule pack: signals: .*\.$/,
    );
  });
});
