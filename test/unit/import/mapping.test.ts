// The mapping file format as the README documents it, and how a spec becomes a plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMappingJson } from '../../../electron/backend/import/import-service';
import { emptyProfile, observe } from '#shared/import/profile';
import { suggestPlan } from '#shared/import/suggest';
import { repoRoot } from '../../helpers/temp';

const profiles = (columns: string[][]) =>
  columns.map((values) => {
    const p = emptyProfile();
    for (const v of values) observe(p, v);
    return p;
  });

describe('mapping files', () => {
  it('the README example parses and plans as it says', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const example = /A \*\*mapping file\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const spec = parseMappingJson(example!, 'README example');
    const headers = ['Customer #', 'Annual value', 'Go-live', 'Internal notes', 'Plan score'];
    const plan = suggestPlan({
      kind: 'accounts',
      headers,
      profiles: profiles([['C1'], ['1,200'], ['1/13/2024'], ['x'], ['55']]),
      spec,
    });
    expect(plan.blockers).toEqual([]);
    expect(plan.columns.map((c) => [c.source, c.skip ? 'skip' : c.field, c.type, c.dateOrder])).toEqual([
      ['Customer #', 'account_id', 'text', null],
      ['Annual value', 'arr', 'number', null],
      ['Go-live', 'contract_start', 'date', 'MDY'],
      ['Internal notes', 'skip', 'text', null],
      ['Plan score', null, 'percent', null],
    ]);
    expect(plan.columns[3]!.skip).toBe(true);
    expect(plan.constants).toEqual([{ field: 'journey_stage', value: 'live' }]);
    expect(plan.onError).toBe('skip');
  });

  it('says exactly what is wrong with a bad mapping file', () => {
    expect(() => parseMappingJson('{"columns": {"A": 3}}', 'm.json')).toThrow(
      /The mapping file m\.json is not valid: columns\[0\]/,
    );
    expect(() => parseMappingJson('{nope', 'm.json')).toThrow(/m\.json is not valid JSON/);
    expect(() => parseMappingJson('{"kind": "planets"}', 'm.json')).toThrow(/kind/);
  });

  it('refuses a mapping that names a column or field that does not exist', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: ['id'],
      profiles: profiles([['1']]),
      spec: {
        columns: [
          { source: 'nope', field: 'arr' },
          { source: 'id', field: 'planet' },
        ],
      },
    });
    expect(plan.blockers).toContain('The mapping names a column "nope" that this file does not have.');
    expect(
      plan.blockers.some((b) => b.startsWith('The mapping sends "id" to "planet", which is not a field of accounts')),
    ).toBe(true);
  });
});
