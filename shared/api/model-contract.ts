// How models fit the workspace's data (spread into the contract): the metric catalogue the picker
// lists, diagnostics of a pack on the workspace, what each preset lacks, and "Start from my columns".
import { z } from 'zod';
import type { MetricCatalogue } from '../domain/metric-catalogue';
import type { PresetFit } from '../domain/packs';
import type { PackDiagnostic } from '../pack/diagnostics';
import type { RulePackInput } from '../pack/schema';
import { method } from './define';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use an ISO date (YYYY-MM-DD).');

export interface PackDiagnosis {
  asOf: string;
  accounts: number;
  diagnostics: PackDiagnostic[];
  /** "4 of 7 signals have no data in this workspace", or null. */
  summary: string | null;
}

export const modelContract = {
  'workspace.metrics': method<MetricCatalogue>()(z.object({}).strict()),
  /** Packs arrive as untrusted JSON and are validated by the handler. */
  'packs.diagnose': method<PackDiagnosis>()(z.object({ pack: z.unknown(), asOf: isoDate.optional() }).strict()),
  'packs.fit': method<PresetFit[]>()(z.object({}).strict()),
  'packs.fromColumns': method<RulePackInput>()(z.object({ asOf: isoDate.optional() }).strict()),
} as const;
