// The workbench's API methods (spread into the contract): feature tables for the engine worker,
// one account's detail, and saved models with their versions.
import { z } from 'zod';
import type { AccountDetail, ModelSummary, ModelVersion, VersionSummary } from '../domain/models';
import { method } from './define';
import { isoDate } from './iso-date';

/** Packs arrive as untrusted JSON and are validated by the handler with checkPack. */
const packValue = z.unknown();
const id = z.number().int().positive();

export const workbenchContract = {
  /** Arrow IPC bytes of the pack's feature table (see shared/engine/arrow-features.ts). */
  'features.load': method<Uint8Array>()(
    z
      .object({
        pack: packValue,
        asOf: isoDate.optional(),
        /** Signatures of columns the caller already holds: they are not sent again. */
        have: z.array(z.string().max(20_000)).max(256).optional(),
        includeAccounts: z.boolean().optional(),
      })
      .strict(),
  ),
  /** How far the running features.load has got (accounts computed so far). */
  'features.progress': method<{ loading: boolean; accountsDone: number; accountsTotal: number }>()(
    z.object({}).strict(),
  ),
  /** Stops the running features.load; it then fails with code `cancelled`. */
  'features.cancel': method<{ cancelled: boolean }>()(z.object({}).strict()),
  'accounts.detail': method<AccountDetail>()(
    z.object({ accountId: z.string().min(1).max(400), asOf: isoDate.optional() }).strict(),
  ),
  'models.list': method<ModelSummary[]>()(z.object({}).strict()),
  'models.versions': method<VersionSummary[]>()(z.object({ modelId: id }).strict()),
  'models.version': method<ModelVersion>()(z.object({ versionId: id }).strict()),
  /** Saves the pack as the next version of `modelId`, or as version 1 of a new model called `name`. */
  'models.save': method<ModelVersion>()(
    z
      .object({
        modelId: id.optional(),
        name: z.string().trim().min(1).max(120).optional(),
        pack: packValue,
        note: z.string().max(2000),
      })
      .strict(),
  ),
} as const;
