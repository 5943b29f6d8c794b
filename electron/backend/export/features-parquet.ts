// The features relation as Parquet (hyparquet-writer): the same columns as the CSV, text as UTF-8
// strings and numbers as DOUBLE, missing values as nulls — for warehouses that load Parquet.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { FeaturesRelation } from './features-relation';

export function featuresParquet(relation: FeaturesRelation): Buffer {
  const columns = relation.columns.map(() => [] as (string | number | null)[]);
  for (const row of relation.rows()) row.forEach((v, k) => columns[k]!.push(v));
  const buffer = parquetWriteBuffer({
    columnData: relation.columns.map((c, k) => ({
      name: c.name,
      data: columns[k]!,
      type: c.type === 'text' ? ('STRING' as const) : ('DOUBLE' as const),
      nullable: true,
    })),
  });
  return Buffer.from(buffer);
}
