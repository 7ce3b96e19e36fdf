/**
 * @module The fallback rule for a settings text, apart from content-language.ts's zod schemas so the office's bundle
 * can carry it (the calculator preview, server/calculator/participant-view.ts) without zod's whole runtime, whose JSON
 * Schema code names external URLs the packaging checks refuse.
 */
import { hasVisibleText } from '../http/visible-text.ts';
import type { ContentLanguage, LocalizedText } from './content-language.ts';

/** A language's text when it shows something: one that shows nothing (stored before decision 051) is not written. */
export const shownText = (text: string | undefined): string | undefined =>
  text !== undefined && hasVisibleText(text) ? text : undefined;

/**
 * Resolves a settings text by the fallback rule (requested → ru → any); a text that shows nothing is skipped, and
 * nothing shown at all is ''.
 * @example resolveText({ ru: 'Привет', en: 'Hello' }, 'en') // 'Hello'
 */
export function resolveText(text: LocalizedText | undefined, language: ContentLanguage): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return shownText(text) ?? '';
  return shownText(text[language]) ?? shownText(text.ru) ?? Object.values(text).find((v) => shownText(v)) ?? '';
}
