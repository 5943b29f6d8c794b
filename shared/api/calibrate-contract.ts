// Calibration against outcomes (spread into the contract): run a backtest with progress and
// cancel, drill into the accounts behind a chart, and fetch the held-out accounts' features and
// labels so the renderer can validate the draft live while it is edited.
import { z } from 'zod';
import type { CalibrationReport } from '../calibrate/report';
import { method } from './define';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use an ISO date (YYYY-MM-DD).');
const packValue = z.unknown();

export interface CalibrationResult {
  runId: number;
  report: CalibrationReport;
  /** How many held-out as-of dates calibrate.validation serves (index 0 … n − 1). */
  validationSets: number;
}

export interface CalibrationProgressView {
  running: boolean;
  phase: 'features' | 'fitting' | 'idle';
  datesDone: number;
  datesTotal: number;
  accountsDone: number;
  accountsTotal: number;
}

export const accountSelection = z.discriminatedUnion('kind', [
  /** Held-out accounts in the n-th tenth of the ranking (1 = best scored). */
  z
    .object({
      kind: z.literal('decile'),
      decile: z.number().int().min(1).max(10),
      model: z.enum(['current', 'suggested']),
    })
    .strict(),
  /** Held-out accounts in one bin of the reliability table. */
  z.object({ kind: z.literal('reliability'), bin: z.number().int().min(0).max(100) }).strict(),
  /** Held-out accounts in a stage. */
  z.object({ kind: z.literal('stage'), stage: z.string().max(64) }).strict(),
  /** Training accounts where a signal fired (or did not). */
  z.object({ kind: z.literal('signal'), signal: z.string().max(64), fired: z.boolean() }).strict(),
  /** Every labelled account of one as-of date. */
  z.object({ kind: z.literal('date'), asOf: isoDate }).strict(),
  /** Training accounts a signal would fire for at a candidate threshold of its metric (the threshold scan). */
  z.object({ kind: z.literal('threshold'), signal: z.string().max(64), threshold: z.number().finite() }).strict(),
]);
export type AccountSelection = z.infer<typeof accountSelection>;

export interface CalibrationAccount {
  accountId: string;
  name: string;
  asOf: string;
  part: 'training' | 'held out';
  label: 'positive' | 'negative';
  score: number;
  stage: string;
  segment: string;
}

export const calibrateContract = {
  'calibrate.run': method<CalibrationResult>()(
    z
      .object({
        pack: packValue,
        asOf: z.array(isoDate).max(60).optional(),
        every: z.string().max(8).optional(),
        horizonDays: z.number().int().min(1).max(730).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
      })
      .strict(),
  ),
  'calibrate.progress': method<CalibrationProgressView>()(z.object({}).strict()),
  /** Stops the running calibration; it then fails with code `cancelled`. */
  'calibrate.cancel': method<{ cancelled: boolean }>()(z.object({}).strict()),
  'calibrate.accounts': method<{ total: number; rows: CalibrationAccount[] }>()(
    z
      .object({
        runId: z.number().int().positive(),
        selection: accountSelection,
        label: z.enum(['positive', 'negative']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  /** Arrow IPC: the held-out labelled accounts of one held-out date, the run's features, and a `__label` column. */
  'calibrate.validation': method<Uint8Array>()(
    z.object({ runId: z.number().int().positive(), set: z.number().int().min(0).max(60) }).strict(),
  ),
  /** Arrow IPC: more feature columns for those accounts (a draft reads a metric the run did not). */
  'calibrate.validationColumns': method<Uint8Array>()(
    z
      .object({
        runId: z.number().int().positive(),
        set: z.number().int().min(0).max(60),
        pack: packValue,
        have: z.array(z.string().max(20_000)).max(256).optional(),
      })
      .strict(),
  ),
} as const;
