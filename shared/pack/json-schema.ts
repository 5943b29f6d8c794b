// The rule pack's JSON Schema, generated from the zod schema so the two never drift. Written to
// resources/rule-pack.schema.json by scripts/write-pack-schema.js; a test checks it is current.
import { z } from 'zod';
import { packSchemaVersion, rulePackSchema } from './schema';

export function rulePackJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(rulePackSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://ladder.app/schema/rule-pack-v${packSchemaVersion}.json`,
    title: 'Ladder rule pack',
    description:
      'An expansion-readiness model: derived metrics, weighted signals, the readiness ladder with gates, false-positive filters and plays.',
    ...schema,
  };
}
