/**
 * Refusals whose words name where they were said. The default wording (refusal-text.ts) speaks of a brand, which is
 * where most of the office works; on the agency's own screens «в этом бренде» named a brand that was not there
 * (found from outside on the agency team screen), so a place words its own refusals here.
 */
import type { Language } from '../intl-formats.ts';

/** Where an office write is said: a brand's screen (the default wording) or the agency's own. */
export type RefusalPlace = 'brand' | 'agency';

export const PLACE_WORDING: Record<Exclude<RefusalPlace, 'brand'>, Record<Language, Record<string, string>>> = {
  agency: {
    ru: { forbidden: 'У вас нет прав на это в агентстве.' },
    en: { forbidden: 'You have no rights for this in the agency.' },
  },
};
