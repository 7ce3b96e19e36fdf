/**
 * @module Which language a message goes out in: the recipient's (their launch's `vk_language`, kept on the participant
 * and refreshed at every open), then the campaign's default — Russian, the language of the content columns
 * (decision 017) — then the message's main text. One rule for rules, broadcasts, buttons and bot replies.
 */
import { CONTENT_LANGUAGES, type ContentLanguage } from '../campaigns/content-language.ts';
import type { MessageTexts } from '../db/schema/messaging.ts';

/** Decision 017: a campaign's own texts are Russian, other languages are translations. */
export const CAMPAIGN_DEFAULT_LANGUAGE: ContentLanguage = 'ru';

/** A stored language read as one the campaign ships (anything else falls back to the default). */
export function contentLanguage(value: string | null | undefined): ContentLanguage {
  return (CONTENT_LANGUAGES as readonly string[]).includes(value ?? '')
    ? (value as ContentLanguage)
    : CAMPAIGN_DEFAULT_LANGUAGE;
}

/**
 * The text a recipient in `language` gets.
 * @example messageText('Привет', { en: 'Hello' }, 'en') // 'Hello'
 */
export function messageText(main: string, texts: MessageTexts | null | undefined, language: ContentLanguage): string {
  return texts?.[language] || texts?.[CAMPAIGN_DEFAULT_LANGUAGE] || main;
}

/** Languages of a per-language message that have no text (the composer warns about them). */
export function missingLanguages(texts: MessageTexts | null | undefined): ContentLanguage[] {
  return CONTENT_LANGUAGES.filter((l) => !texts?.[l]?.trim());
}
