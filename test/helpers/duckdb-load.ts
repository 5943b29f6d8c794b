// Loads a features relation into a DuckDB table with the appender (shared by the conformance tests
// and the engine benchmark's DuckDB anchor).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FeaturesRelation } from '../../electron/backend/export/features-relation';

export async function loadRelationIntoDuckdb(
  connection: DuckDBConnection,
  relation: FeaturesRelation,
  table = 'ladder_features',
): Promise<void> {
  const columns = relation.columns.map((c) => `"${c.name}" ${c.type === 'text' ? 'VARCHAR' : 'DOUBLE'}`).join(', ');
  await connection.run(`CREATE TABLE "${table}" (${columns})`);
  const appender = await connection.createAppender(table);
  for (const row of relation.rows()) {
    row.forEach((v, k) => {
      if (v === null) appender.appendNull();
      else if (relation.columns[k]!.type === 'text') appender.appendVarchar(v as string);
      else appender.appendDouble(v as number);
    });
    appender.endRow();
  }
  appender.closeSync();
}
