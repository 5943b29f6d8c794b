// Pass two profiles the value-dependent columns over the whole file to confirm the plan pass one
// made from its first rows. It goes on from pass one's profiles instead of reading those rows
// again; the profiles must be exactly those of a reading from the first row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestPlan } from '#shared/import/suggest';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { sampleRows } from '../../../electron/backend/import/plan-file';
import { produceRecords, type ProduceRequest } from '../../../electron/backend/import/produce';
import { valueDependentColumns } from '../../../electron/backend/import/run-import';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

it('profiles go on from the sample exactly as a reading from the first row would make them', async () => {
  const path = join(dir.path, 'late.csv');
  const rows = Array.from({ length: sampleRows + 3000 }, (_, i) => {
    // After the sample: a day-first date, a new sample value, a blank, a text in a number column.
    const late = i - sampleRows;
    const date = late === 500 ? '25/12/2026' : late === 900 ? '' : `${1 + (i % 12)}/${1 + (i % 12)}/2026`;
    const score = late === 1200 ? 'n/a' : late === 1500 ? 'high' : String(i % 7);
    return `A${i},Name ${i},${date},${score},${late === 2000 ? 'maybe' : i % 2 ? 'yes' : 'no'}`;
  });
  writeFileSync(path, `account_id,name,signup,score,flag\n${rows.join('\n')}\n`);
  const analysis = await analyzeFile(path, { maxRows: sampleRows });
  expect(analysis.complete).toBe(false);
  const plan = suggestPlan({ kind: 'accounts', headers: analysis.headers, profiles: analysis.profiles, spec: {} });
  const profileColumns = valueDependentColumns(plan);
  expect(profileColumns.length).toBeGreaterThanOrEqual(3);
  const request: ProduceRequest = { ...analysis, plan, profileColumns };
  const fromStart = await produceRecords(request, () => {});
  const soFar = { rows: analysis.rowsRead, profiles: profileColumns.map((i) => analysis.profiles[i]!) };
  const before = structuredClone(soFar);
  const resumed = await produceRecords({ ...request, profilesSoFar: soFar }, () => {});
  expect(resumed.profiles).toEqual(fromStart.profiles);
  expect(soFar).toEqual(before); // pass one's profiles are left as they were
  const date = fromStart.profiles![2]!;
  expect(date.dayFirstOnly).toBe(1); // the late values were seen
  expect(fromStart.profiles![3]!.number).toBe(false);
});

it('a sample too short to have settled its key checks is profiled again from the first row', async () => {
  const path = join(dir.path, 'short.csv');
  writeFileSync(
    path,
    `account_id,signup\n${Array.from({ length: 300 }, (_, i) => `A${i % 250},1/2/2026`).join('\n')}\n`,
  );
  const analysis = await analyzeFile(path, { maxRows: 100 });
  const plan = suggestPlan({ kind: 'accounts', headers: analysis.headers, profiles: analysis.profiles, spec: {} });
  const request: ProduceRequest = { ...analysis, plan, profileColumns: [0, 1] };
  const fromStart = await produceRecords(request, () => {});
  const soFar = { rows: analysis.rowsRead, profiles: [0, 1].map((i) => analysis.profiles[i]!) };
  const resumed = await produceRecords({ ...request, profilesSoFar: soFar }, () => {});
  expect(resumed.profiles).toEqual(fromStart.profiles);
  expect(resumed.profiles![0]!.keyDistinct).toBe(250);
});
