// Saving a review deck from the app: the backend writes it where the native save dialog says (desktop), or
// the page downloads it (browser). Returns the sentence to show, or null when the user cancelled.
import type { RulePackInput } from '#shared/pack/schema';
import { api } from '../../api';
import { formatCount } from '../../format';
import { downloadFile } from '../export/download';

export async function saveSlides(
  pack: RulePackInput,
  options: { asOf?: string; compare?: RulePackInput } = {},
): Promise<string | null> {
  const extra = {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.compare ? { compare: options.compare } : {}),
  };
  const chosen = await api.request('dialog.saveFile', { defaultName: `model-review-${options.asOf ?? 'latest'}.pptx` });
  if (chosen.ok) {
    if (!chosen.value.path) return null;
    const { decks } = await api.call('act.slides', { pack, path: chosen.value.path, ...extra });
    return `Saved ${decks[0]!.path} (${formatCount(decks[0]!.slides)} slides).`;
  }
  if (chosen.error.code !== 'unsupported') throw new Error(chosen.error.message);
  const deck = await api.call('act.renderSlides', { pack, ...extra });
  downloadFile(deck);
  return `Downloaded ${deck.fileName} (${formatCount(deck.slides)} slides).`;
}
