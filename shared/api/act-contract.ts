// The act feature's API methods (spread into the contract): opportunity alerts rendered in a format, the
// signal → play → owner funnel, slide decks written where the user chose, and the workspace's templates.
import { z } from 'zod';
import { alertFormats, crmKinds } from '../act/escape';
import type { PlayFunnel } from '../act/play-funnel';
import { templateKinds } from '../act/default-templates';
import type { RulePackInput } from '../pack/schema';
import { method } from './define';
import { isoDate } from './iso-date';
import { userPath } from './user-path';

const packDocument = z.custom<RulePackInput>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'A rule pack (an object) is required.',
);
const owner = z.string().min(1).max(200).optional();

export interface RenderedAlerts {
  format: (typeof alertFormats)[number];
  fileName: string;
  content: string;
  alerts: number;
  since: string;
  asOf: string;
}

export interface WrittenDecks {
  decks: { path: string; owner: string | null; slides: number }[];
}

/** A deck as base64, for a browser to download (the desktop app writes it with act.slides). */
export interface RenderedDeck {
  fileName: string;
  mime: string;
  encoding: 'base64';
  content: string;
  slides: number;
}

export interface TemplateInfo {
  kind: (typeof templateKinds)[number];
  custom: boolean;
  text: string;
  fields: readonly string[];
}

export const actContract = {
  'act.alerts': method<RenderedAlerts>()(
    z
      .object({
        pack: packDocument,
        since: isoDate,
        asOf: isoDate.optional(),
        stage: z.string().min(1).max(64).optional(),
        owner,
        format: z.enum(alertFormats, { error: `Use one of ${alertFormats.join(', ')}.` }),
        crm: z.enum(crmKinds, { error: `Use one of ${crmKinds.join(', ')}.` }).optional(),
      })
      .strict(),
  ),
  'act.funnel': method<PlayFunnel>()(
    z.object({ pack: packDocument, from: isoDate, to: isoDate.optional(), owner }).strict(),
  ),
  /** Writes the deck to `path` (with perOwner, one deck per owner beside it). */
  'act.slides': method<WrittenDecks>()(
    z
      .object({
        pack: packDocument,
        path: userPath('write'),
        asOf: isoDate.optional(),
        compare: packDocument.optional(),
        perOwner: z.boolean().optional(),
      })
      .strict(),
  ),
  'act.renderSlides': method<RenderedDeck>()(
    z.object({ pack: packDocument, asOf: isoDate.optional(), compare: packDocument.optional() }).strict(),
  ),
  'act.templates': method<TemplateInfo[]>()(z.object({}).strict()),
  'act.setTemplate': method<TemplateInfo>()(
    z.object({ kind: z.enum(templateKinds), text: z.string().max(100_000) }).strict(),
  ),
  'act.resetTemplate': method<TemplateInfo>()(z.object({ kind: z.enum(templateKinds) }).strict()),
};
