/**
 * @module The fallback rule for a settings text, apart from content-language.ts's zod schemas so the office's bundle
 * can carry it (the calculator preview, server/calculator/participant-view.ts) without zod's whole runtime, whose JSON
 * Schema code names external URLs the packaging checks refuse.
 */
import type { ContentLanguage, LocalizedText } from './content-language.ts';

/**
 * Resolves a settings text by the fallback rule (requested → ru → any).
 * @example resolveText({ ru: 'Привет', en: 'Hello' }, 'en') // 'Hello'
 */
export function resolveText(text: LocalizedText | undefined, language: ContentLanguage): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] || text.ru || Object.values(text).find((v) => v) || '';
}
