/**
 * @module A campaign's help questions: `settings.faq` of the campaign, a list of question/answer pairs written per
 * language (`{ ru, en? }`, Russian required), shown on the mini app's help screen in the launch's language by the content
 * fallback rule (server/campaigns/content-language.ts).
 */
import { z } from 'zod';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { resolveText } from '../campaigns/resolve-text.ts';
import { visibleText } from '../http/text-fields.ts';

// Text with nothing visible (zero-width, control characters, soft hyphens) is a 422 `blank_text`, as every support text.
const Localized = z.object({ ru: visibleText(2000), en: visibleText(2000).optional() });

export const FaqItemSchema = z.object({ q: Localized, a: Localized });
export const CampaignFaqSchema = z.array(FaqItemSchema).max(30);
export type CampaignFaq = z.infer<typeof CampaignFaqSchema>;

/** The questions in one language. Invalid stored FAQ reads as none: help must open even when content is broken. */
export function faqIn(settings: unknown, language: ContentLanguage): Array<{ q: string; a: string }> {
  const raw = (settings as { faq?: unknown } | null)?.faq;
  const parsed = CampaignFaqSchema.safeParse(raw ?? []);
  if (!parsed.success) return [];
  // One fallback rule for every content text (decision 017).
  return parsed.data.map((item) => ({ q: resolveText(item.q, language), a: resolveText(item.a, language) }));
}
