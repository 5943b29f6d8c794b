// The features relation other engines score from (docs/ARCHITECTURE.md §5): account_id, then segment, then
// one column per feature the pack reads, named by metric id (sustained signals add
// metric__minN / metric__maxN). Numbers stay float64; missing values are null. The segment column
// carries the account's segment as recorded (the engine picks per-segment thresholds from the same
// text, and a condition on the `segment` metric compares that text too).
import { requiredFeatures, isCategoryMetric, segmentNames, type FeatureTable } from '#shared/engine/features';
import type { ValidPack } from '#shared/pack/validate';
import { isSet } from '#shared/missing';

export interface RelationColumn {
  name: string;
  type: 'text' | 'double';
}

export interface FeaturesRelation {
  columns: RelationColumn[];
  /**
   * What each column reads (the account ids, the segment codes, a feature column or a category):
   * relations whose sources are the very same objects hold the same values (cached hashes rely on it).
   */
  sources: readonly object[];
  rows(): Generator<(string | number | null)[]>;
}

export function featuresRelation(table: FeatureTable, valid: ValidPack): FeaturesRelation {
  const specs = requiredFeatures(valid).filter((f) => f.key !== 'segment');
  const columns: RelationColumn[] = [
    { name: 'account_id', type: 'text' },
    { name: 'segment', type: 'text' },
    ...specs.map((f) => ({ name: f.key, type: isCategoryMetric(f.metric) ? ('text' as const) : ('double' as const) })),
  ];
  const sources: object[] = [];
  const readers = specs.map((f) => {
    if (isCategoryMetric(f.metric)) {
      const c = table.categories.get(f.metric)!;
      sources.push(c);
      return (i: number) => (c.codes[i]! < 0 ? null : c.dictionary[c.codes[i]!]!);
    }
    const column = table.columns.get(f.key);
    // A whitespace input the table lacks: unknown for everyone (its source is the spec itself).
    sources.push(column ?? f);
    if (!column) return () => null;
    return (i: number) => (isSet(column[i]!) ? column[i]! : null);
  });
  const recorded = table.categories.get('segment');
  sources.unshift(table.accountIds, recorded ?? table.segment);
  const segmentOf = recorded
    ? (i: number) => (recorded.codes[i]! < 0 ? null : recorded.dictionary[recorded.codes[i]!]!)
    : (i: number) => (table.segment[i] === 3 ? null : segmentNames[table.segment[i]!]!);
  return {
    columns,
    sources,
    *rows() {
      for (let i = 0; i < table.accounts; i++) {
        yield [table.accountIds[i]!, segmentOf(i), ...readers.map((read) => read(i))];
      }
    },
  };
}
