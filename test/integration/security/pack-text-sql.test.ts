// Pack text is data in the SQL Ladder writes: a pack the validator accepts, whatever its labels,
// name, version and category values say, compiles to SQL that the real psql and sqlite3 clients run
// as exactly one query giving exactly the engine's results (no client command ever runs), and that
// a Jinja render (nunjucks, as dbt renders models) leaves byte for byte as it is. Packs whose text
// holds control characters are refused before any SQL is written.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import nunjucks from 'nunjucks';
import { compileSql } from '#shared/compile/sql';
import { dialects } from '#shared/compile/sql-dialect';
import { createEngine } from '#shared/engine/engine';
import { checkPack, type ValidPack } from '#shared/pack/validate';
import type { RulePackInput } from '#shared/pack/schema';
import { featuresRelation, type FeaturesRelation } from '../../../electron/backend/export/features-relation';
import { differences, engineRows } from '../../helpers/engine-rows';
import { hostileText } from '../../helpers/hostile-text';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { runPostgres, type SqlRow } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';
import { randomArbitraries, toTable } from '../../unit/compile/random-packs';
import { loadPreset } from '../../../electron/backend/packs/presets';

const dir = tempDir();
const marker = join(dir.path, 'pwned');
const tiers = ['Starter', 'Pro', 'Enterprise plan'];
let pg: Postgres;

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => {
  pg?.stop();
  dir.cleanup();
});

const { packArb, featuresArb } = randomArbitraries({ subnormals: false });
const text = hostileText(marker);

/** A random pack whose every free text is hostile, and the same features with hostile tier names. */
const hostileCase = fc
  .record({
    pack: packArb,
    features: featuresArb,
    tierNames: fc.uniqueArray(text, { minLength: 3, maxLength: 3 }),
    name: text,
    version: text,
    labels: fc.array(text, { minLength: 40, maxLength: 40 }),
  })
  .map(({ pack, features, tierNames, name, version, labels }) => {
    const rename = (v: unknown): unknown =>
      typeof v === 'string' && tiers.includes(v) ? tierNames[tiers.indexOf(v)] : Array.isArray(v) ? v.map(rename) : v;
    const clause = <C extends { metric: string; value: unknown }>(c: C): C =>
      c.metric === 'tier' ? { ...c, value: rename(c.value) } : c;
    let next = 0;
    const label = () => labels[next++ % labels.length]!.slice(0, 120);
    const hostile: RulePackInput = {
      ...pack,
      name: name.slice(0, 120),
      meta: { version: version.slice(0, 40) },
      signals: pack.signals.map((s) => ({
        ...s,
        label: label(),
        threshold: s.metric === 'tier' ? (rename(s.threshold) as never) : s.threshold,
      })),
      ladder: {
        ...pack.ladder,
        stages: pack.ladder.stages.map((s) => ({ ...s, label: label() })),
        gates: (pack.ladder.gates ?? []).map((g) => ({ ...g, label: label(), condition: clause(g.condition) })),
      },
      filters: (pack.filters ?? []).map((f) => ({ ...f, label: label(), conditions: f.conditions.map(clause) })),
    };
    return { pack: hostile, features: { ...features, tier: features.tier.map((t) => rename(t) as string | null) } };
  });

function accepted(pack: RulePackInput): ValidPack {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error(`the validator refused a pack it should accept: ${JSON.stringify(checked.issues)}`);
  return checked.value;
}

function expectNoCommandRan(): void {
  expect(readdirSync(dir.path).filter((f) => f.startsWith('pwned'))).toEqual([]);
}

/** The sqlite3 shell reads the SQL as a script; the result lands in a table read back at full precision. */
function runSqliteCli(relation: FeaturesRelation, sql: string, run: number): SqlRow[] {
  const file = join(dir.path, `cli-${run}.sqlite`);
  const db = new Database(file);
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  db.exec(
    `CREATE TABLE ladder_features (${relation.columns.map((c) => `${q(c.name)} ${c.type === 'text' ? 'TEXT' : 'REAL'}`).join(', ')})`,
  );
  const insert = db.prepare(`INSERT INTO ladder_features VALUES (${relation.columns.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const row of relation.rows()) insert.run(...row);
  })();
  db.close();
  const cli = spawnSync('sqlite3', ['-bail', file], {
    input: `CREATE TABLE result AS\n${sql};\n`,
    cwd: dir.path,
    encoding: 'utf8',
  });
  expect({ status: cli.status, stderr: cli.stderr, stdout: cli.stdout }).toEqual({ status: 0, stderr: '', stdout: '' });
  const read = new Database(file, { readonly: true });
  try {
    return read.prepare('SELECT * FROM result').all() as SqlRow[];
  } finally {
    read.close();
  }
}

const jinja = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });

describe('hostile pack text in generated SQL', () => {
  it('the sqlite3 CLI runs it as one query with the engine’s results, and runs no dot-command', () => {
    let run = 0;
    fc.assert(
      fc.property(hostileCase, ({ pack, features }) => {
        const valid = accepted(pack);
        const table = toTable(features);
        const rows = runSqliteCli(featuresRelation(table, valid), compileSql(valid, { dialect: 'sqlite' }), run++);
        expect(differences(engineRows(createEngine(table, valid)), rows)).toEqual([]);
        expectNoCommandRan();
      }),
      { numRuns: 60, seed: 1010 },
    );
  });

  it('psql runs it as one query with the engine’s results, and runs no meta-command', () => {
    let run = 0;
    fc.assert(
      fc.property(hostileCase, ({ pack, features }) => {
        const valid = accepted(pack);
        const table = toTable(features);
        const sql = compileSql(valid, { dialect: 'postgres' });
        const rows = runPostgres(pg, featuresRelation(table, valid), sql, `hostile_${run++ % 3}`);
        expect(differences(engineRows(createEngine(table, valid)), rows)).toEqual([]);
        expectNoCommandRan();
      }),
      { numRuns: 40, seed: 1011 },
    );
  });

  it('a Jinja render (nunjucks, as dbt renders a model) leaves the SQL of every dialect unchanged', () => {
    fc.assert(
      fc.property(hostileCase, ({ pack }) => {
        const valid = accepted(pack);
        for (const dialect of Object.keys(dialects) as (keyof typeof dialects)[]) {
          const sql = compileSql(valid, { dialect });
          expect(jinja.renderString(sql, {})).toBe(sql);
        }
      }),
      { numRuns: 150, seed: 1012 },
    );
  });

  it('keeps a dbt reference as the one template in the file', () => {
    const valid = accepted(fc.sample(hostileCase, { numRuns: 1, seed: 7 })[0]!.pack);
    const sql = compileSql(valid, { dialect: 'duckdb', table: "{{ ref('ladder_features') }}" });
    const rendered = jinja.renderString(sql, { ref: (name: string) => `"analytics"."${name}"` });
    expect(rendered).toBe(sql.split("{{ ref('ladder_features') }}").join('"analytics"."ladder_features"'));
  });
});

describe('control characters in pack text (the NUL + newline hole)', () => {
  const base = () => fc.sample(randomArbitraries({ subnormals: false }).packArb, { numRuns: 1, seed: 3 })[0]!;
  const psqlMarker = join(dir.path, 'pwned-psql');
  const sqliteMarker = join(dir.path, 'pwned-sqlite');

  it('category values with NUL and line breaks are refused, so no client ever reads them', () => {
    // A NUL ends the line for psql, which then loses track of quoting: the next literal's text is
    // read as a client command (reproduced on the 2026-05 main: psql ran the touch).
    const preset = loadPreset('two-signals-window').pack;
    const tierSignal = (id: string, operator: '==' | 'in', threshold: string | string[]) => ({
      id,
      label: id,
      category: 'usage' as const,
      metric: 'tier',
      operator,
      threshold,
      weight: 1,
      urgency: 'low' as const,
      approach: 'tier_upgrade' as const,
    });
    const pack: RulePackInput = {
      ...preset,
      signals: [
        ...preset.signals,
        tierSignal('nul', 'in', ['a\u0000', 'b']),
        tierSignal('payload', '==', `x\n\\! touch ${psqlMarker}\n;\n.shell touch ${sqliteMarker}\n`),
      ],
    };
    const checked = checkPack(pack);
    if (checked.ok) {
      // What a pack that got through would do: the exported SQL through the real clients.
      const psql = ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'ladder', '-d', 'postgres', '-X', '-f', '-'];
      spawnSync('psql', psql, { input: compileSql(checked.value, { dialect: 'postgres' }), cwd: dir.path });
      spawnSync('sqlite3', [':memory:'], { input: compileSql(checked.value, { dialect: 'sqlite' }), cwd: dir.path });
    }
    expect(existsSync(psqlMarker)).toBe(false);
    expect(existsSync(sqliteMarker)).toBe(false);
    const at = preset.signals.length;
    expect(checked).toMatchObject({
      ok: false,
      issues: [
        {
          path: `signals[${at}].threshold[0]`,
          message: expect.stringMatching(/^Contains NUL \(U\+0000\) at character 2/),
        },
        { path: `signals[${at + 1}].threshold`, message: expect.stringMatching(/^Contains a line break \(U\+000A\)/) },
      ],
    });
  });

  it('every C0 character but tab, and DEL, is refused in any string or key of a pack', () => {
    const controls = [...Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 9), 127];
    fc.assert(
      fc.property(fc.constantFrom(...controls), fc.constantFrom('name', 'label', 'version', 'key'), (code, where) => {
        const c = String.fromCharCode(code);
        const pack = structuredClone(base()) as RulePackInput & Record<string, unknown>;
        if (where === 'name') pack.name = `a${c}b`;
        if (where === 'label') pack.ladder.stages[1]!.label = `Low${c}`;
        if (where === 'version') pack.meta = { version: `1.${c}` };
        if (where === 'key') (pack as Record<string, unknown>)[`x${c}`] = 1;
        const checked = checkPack(pack);
        expect(checked.ok).toBe(false);
        if (!checked.ok) expect(checked.issues[0]!.message).toMatch(/control characters/);
      }),
      { numRuns: 200, seed: 1013 },
    );
    expect(checkPack({ ...base(), name: 'tab\tis fine' }).ok).toBe(true);
  });

  it('the SQL literal and name writers refuse control characters themselves (defence in depth)', () => {
    for (const d of Object.values(dialects)) {
      expect(() => d.string('a\u0000b')).toThrow(/control character/);
      expect(() => d.string('a\nb')).toThrow(/control character/);
      expect(() => d.ident('a\rb')).toThrow(/control character/);
      expect(() => d.ident('{{ x }}')).toThrow(/Jinja/);
      expect(d.string('{{x}}')).not.toMatch(/\{\{/);
    }
  });
});
