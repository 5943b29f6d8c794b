// A period-reader thread: loads chunks of accounts' period rows (loadPeriodChunk, as the building
// thread would) from its own connection to the workspace and hands them back without copying.
// Reading the rows is most of a feature build; with readers on the other cores the building thread
// computes one chunk while the next ones are read (period-readers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { messageOf } from '#shared/error-message';
import type { PeriodGrain } from '#shared/periods/calendar';
import { connect } from '../store/sqlite';
import { latestGrainReader } from './history';
import { loadPeriodChunk, type PeriodChunk, type PeriodInput } from './periods';
import type { PeriodReadReply, PeriodReadRequest } from './period-readers';

if (!parentPort) throw new Error('features-worker must run as a worker thread');
const port = parentPort;
const { path } = workerData as { path: string };
const db = connect(path, { fileMustExist: true });
// Reads only: the thread never writes, whatever the workspace holds.
db.pragma('query_only = ON');
const latestGrain = latestGrainReader(db);
const grains = new Map<string, PeriodGrain>();

const buffers = ({ layout, columns }: PeriodChunk): ArrayBuffer[] =>
  [layout.offsets, layout.periods, layout.grain, ...columns.values()].map((a) => a.buffer as ArrayBuffer);

port.on('message', ({ id, keys, inputs, asOf, asOfDay, defaultGrain }: PeriodReadRequest) => {
  let reply: PeriodReadReply;
  try {
    const grainOf = () => grains.get(asOf) ?? grains.set(asOf, latestGrain(asOf)).get(asOf)!;
    const options = { asOf, asOfDay, defaultGrain: defaultGrain ?? grainOf };
    const chunk = loadPeriodChunk(db, keys, 0, keys.length, inputs as PeriodInput[], options);
    port.postMessage({ id, chunk } satisfies PeriodReadReply, buffers(chunk));
    return;
  } catch (error) {
    reply = { id, error: messageOf(error) };
  }
  port.postMessage(reply);
});
