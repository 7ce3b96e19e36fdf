/**
 * @module A campaign's help questions: `settings.faq` of the campaign, a list of question/answer pairs written per
 * language (`{ ru, en? }`, Russian required), shown on the mini app's help screen in the launch's language, Russian
 * when the other is missing.
 */
import { z } from 'zod';

const Localized = z.object({
  ru: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000).optional(),
});

export const FaqItemSchema = z.object({ q: Localized, a: Localized });
export const CampaignFaqSchema = z.array(FaqItemSchema).max(30);
export type CampaignFaq = z.infer<typeof CampaignFaqSchema>;

/** The questions in one language. Invalid stored FAQ reads as none: help must open even when content is broken. */
export function faqIn(settings: unknown, language: 'ru' | 'en'): Array<{ q: string; a: string }> {
  const raw = (settings as { faq?: unknown } | null)?.faq;
  const parsed = CampaignFaqSchema.safeParse(raw ?? []);
  if (!parsed.success) return [];
  return parsed.data.map((item) => ({ q: item.q[language] ?? item.q.ru, a: item.a[language] ?? item.a.ru }));
}
