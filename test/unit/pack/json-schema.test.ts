// resources/rule-pack.schema.json is generated from the zod schema; it must be regenerated
// (node scripts/write-pack-schema.js) whenever the schema changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulePackJsonSchema } from '#shared/pack/json-schema';
import { repoRoot } from '../../helpers/temp';

describe('rule pack JSON Schema', () => {
  it('in resources/ matches the code', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'resources', 'rule-pack.schema.json'), 'utf8'));
    expect(committed).toEqual(rulePackJsonSchema());
  });

  it('describes the top-level fields and refuses unknown ones', () => {
    const schema = rulePackJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['schemaVersion', 'metrics', 'signals', 'scoring', 'ladder', 'filters', 'plays']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'signals', 'ladder']));
    expect(schema.additionalProperties).toBe(false);
  });
});
