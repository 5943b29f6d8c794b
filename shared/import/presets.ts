// Built-in mappings for the exports analysts bring most often. A preset names, per kind, the
// source headers each canonical field comes from (first present header wins), fixed values for
// fields the export lacks, and the day/month order of its dates. A kind may have several variants
// (RavenStack's subscriptions and churn events are both outcomes); the best-matching one is used.
import type { ImportKind } from '../domain/workspace';
import type { DateOrder } from './values';
import { crmPresets } from './crm-presets';
import { productPresets } from './product-presets';

export interface PresetVariant {
  /** A header that identifies this variant (e.g. `churn_event_id`). */
  when?: string;
  fields: Record<string, readonly string[]>;
  constants?: Record<string, string | number | boolean>;
}

export interface Preset {
  id: string;
  label: string;
  description: string;
  dateOrder?: DateOrder;
  kinds: Partial<Record<ImportKind, readonly PresetVariant[]>>;
}

export const presets: readonly Preset[] = [...crmPresets, ...productPresets];

export const presetIds = presets.map((p) => p.id);

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id.toLowerCase());
}

/** The variant of `preset` for `kind` that matches most of `headers`. */
export function presetVariant(preset: Preset, kind: ImportKind, headers: readonly string[]): PresetVariant | undefined {
  const variants = preset.kinds[kind];
  if (!variants || variants.length === 0) return undefined;
  const have = new Set(headers);
  // Variants that name an identifying header apply only to files that have it.
  const eligible = variants.filter((v) => !v.when || have.has(v.when));
  if (eligible.length === 0) return undefined;
  const score = (v: PresetVariant) =>
    (v.when && have.has(v.when) ? 100 : 0) +
    Object.values(v.fields).filter((sources) => sources.some((s) => have.has(s))).length;
  return [...eligible].sort((a, b) => score(b) - score(a))[0];
}
