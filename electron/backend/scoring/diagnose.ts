// Pack diagnostics on a workspace (shared/pack/diagnostics.ts) with the facts only the workspace
// knows: which inputs have no value at all, which custom names it has. Each fact is looked up only
// when a diagnostic needs it, so a pack whose inputs all have data costs no extra scan.
import { baseMetric, customNameOf, parseCustomRef } from '#shared/pack/catalog';
import { diagnosePack, type DiagnosticFacts, type PackDiagnostic } from '#shared/pack/diagnostics';
import type { FeatureTable } from '#shared/engine/features';
import type { ValidPack } from '#shared/pack/validate';
import type { Db } from '../store/sqlite';
import { resolveCustomSource } from '../features/custom-fields';
import { customKeys } from '../workspace/metric-catalogue';

const presenceColumn: Record<string, string> = {
  journey_stage_rank: 'journey_stage',
  days_to_renewal: 'renewal_date',
  contract_age_days: 'contract_start',
};

function exists(db: Db, sql: string, ...params: unknown[]): boolean {
  return (
    db
      .prepare(`SELECT EXISTS (${sql})`)
      .pluck()
      .get(...params) === 1
  );
}

export function workspaceFacts(db: Db, asOf: string): DiagnosticFacts {
  const memo = new Map<string, boolean>();
  let names: string[] | null = null;
  const source = (name: string) => {
    const ref = parseCustomRef(name);
    return ref ? resolveCustomSource(db, ref, asOf) : undefined;
  };
  return {
    hasNoData(input) {
      if (memo.has(input)) return memo.get(input)!;
      const base = baseMetric(input);
      let none: boolean;
      if (!base) none = source(input)?.where === 'none';
      else if (base.source === 'users') none = !exists(db, 'SELECT 1 FROM users');
      else if (base.source === 'period')
        none = !exists(db, `SELECT 1 FROM periods WHERE "${base.id}" IS NOT NULL AND period_start <= ?`, asOf);
      else none = !exists(db, `SELECT 1 FROM accounts WHERE "${presenceColumn[base.id] ?? base.id}" IS NOT NULL`);
      memo.set(input, none);
      return none;
    },
    isUnknownName: (input) => source(input)?.where === 'none',
    customNames() {
      names ??= [
        ...new Set(
          [
            ...customKeys(db, 'accounts', Number.MAX_SAFE_INTEGER),
            ...customKeys(db, 'periods', Number.MAX_SAFE_INTEGER),
          ]
            .filter((k) => k.numeric + k.booleans > 0)
            .flatMap((k) => {
              const name = customNameOf(k.name);
              return name ? [`custom.${name}`] : [];
            }),
        ),
      ];
      return names;
    },
  };
}

export function diagnoseWorkspace(db: Db, valid: ValidPack, table: FeatureTable, asOf: string): PackDiagnostic[] {
  return diagnosePack(valid, table, workspaceFacts(db, asOf));
}
