/**
 * @module A campaign's help questions: `settings.faq` of the campaign, a list of question/answer pairs written per
 * language (`{ ru, en? }`, Russian required), shown on the mini app's help screen in the launch's language by the content
 * fallback rule (server/campaigns/content-language.ts).
 */
import { z } from 'zod';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { resolveText } from '../campaigns/resolve-text.ts';
import { READING, type SettingsRules, WRITING } from '../campaigns/settings-rules.ts';
import { MAX_FAQ_QUESTIONS, MAX_FAQ_TEXT_LENGTH } from './faq-bounds.ts';

/**
 * The FAQ's shape under one set of rules (settings-rules.ts): written, text with nothing visible (zero-width, control
 * characters, soft hyphens) is a 422 `blank_text`, as every support text; stored, whatever an earlier release kept.
 */
export function faqShape(rules: SettingsRules) {
  const localized = rules.fields({
    ru: rules.plain(MAX_FAQ_TEXT_LENGTH),
    en: rules.plain(MAX_FAQ_TEXT_LENGTH).optional(),
  });
  return z.array(rules.fields({ q: localized, a: localized })).max(MAX_FAQ_QUESTIONS);
}

export const CampaignFaqSchema = faqShape(WRITING);
export type CampaignFaq = z.infer<typeof CampaignFaqSchema>;
const StoredFaq = faqShape(READING);

/**
 * The questions in one language. A question or answer that shows nothing in any language is left out (an earlier
 * release could store one, decision 055); stored FAQ of another shape reads as none: help must open even then.
 */
export function faqIn(settings: unknown, language: ContentLanguage): Array<{ q: string; a: string }> {
  const raw = (settings as { faq?: unknown } | null)?.faq;
  const parsed = StoredFaq.safeParse(raw ?? []);
  if (!parsed.success) return [];
  // One fallback rule for every content text (decision 017).
  return parsed.data
    .map((item) => ({ q: resolveText(item.q, language), a: resolveText(item.a, language) }))
    .filter((item) => item.q !== '' && item.a !== '');
}
