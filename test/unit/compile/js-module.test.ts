// The JS module is dependency-free and safe to load: no imports, no eval, no Function; and it
// treats anything that is not a number (or, for categories, a non-empty string) as missing, like
// the engine treats NaN.
import { compileJsModule } from '#shared/compile/js-module';
import { createEngine } from '#shared/engine/engine';
import { listPresets, loadPreset } from '../../../electron/backend/packs/presets';
import { importModule } from '../../helpers/portable';
import { engineRows } from '../../helpers/engine-rows';
import { tempDir } from '../../helpers/temp';
import { basicStages, features, signal, valid } from '../engine/fixtures';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('JS module', () => {
  it.each(listPresets().map((p) => p.id))('%s: no imports, no eval, no Function — only exports', (id) => {
    const source = compileJsModule(loadPreset(id));
    expect(source).not.toMatch(
      /^\s*import\b|\bimport\s*\(|\brequire\s*\(|\beval\b|\bFunction\s*\(|globalThis|process\./m,
    );
    expect(source.match(/^export .*/gm)!.map((l) => l.split(/[ (=]/)[2])).toEqual(['pack', 'score']);
  });

  it('reads null, undefined, NaN, strings and objects in number columns as missing, as the engine reads NaN', async () => {
    const pack = valid({
      schemaVersion: 1,
      name: 'Missing',
      signals: [
        signal('low_health', 'health_score', '!=', 50, 3),
        signal('nps_low', 'nps', '<', 10, 5),
        signal('tier', 'tier', '!=', 'Pro', 1),
      ],
      ladder: {
        stages: basicStages,
        gates: [
          {
            id: 'g',
            label: 'G',
            condition: { metric: 'employees', operator: '>', value: 10 },
            whenMissing: 'pass',
            onFail: { action: 'cap', stage: 'emerging' },
          },
        ],
      },
    });
    const mod = await importModule(dir.path, compileJsModule(pack));
    const engine = createEngine(
      features({
        segment: [3],
        columns: { health_score: [NaN], nps: [NaN], employees: [NaN], arr: [NaN], seats_licensed: [NaN] },
        categories: { tier: [null] },
      }),
      pack,
    );
    const [row] = engineRows(engine);
    const expected = { score: row!.score, stage: row!.stage };
    expect(expected).toEqual({ score: 0, stage: 'not_ready' });
    for (const value of [null, undefined, NaN, '5', { valueOf: () => 5 }, true]) {
      const r = mod.score({
        segment: 'Other',
        health_score: value,
        nps: value,
        employees: value,
        arr: value,
        seats_licensed: value,
        tier: value === null ? null : '',
      });
      expect(r, String(value)).toMatchObject({
        ...expected,
        signals: { low_health: false, nps_low: false, tier: false },
        potential: { seats: null, arr: null },
        whitespace: null,
      });
    }
    expect(mod.score(null as never)).toMatchObject(expected);
    expect(
      mod.score({
        segment: 'SMB',
        health_score: 49,
        nps: 9,
        employees: 12,
        tier: 'Starter',
        arr: 1000,
        seats_licensed: 4,
      }),
    ).toMatchObject({ score: 9, stage: 'ready', potential: { seats: 6, arr: 1500 }, whitespace: 500 });
  });
});
