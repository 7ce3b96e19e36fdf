/**
 * What the preview pane says while it waits for a field (after decision 107): «when the field is filled in» for one still
 * empty, «when it is fixed» and why for one filled but refused (only invisible characters, too long, out of bounds),
 * in the office's language, the field named as the form names it.
 */
import { fill } from '../../i18n-fill.ts';
import type { Language } from '../../intl-formats.ts';
import { fieldLabel } from '../editor/field-label.ts';
import type { OfficeMessages } from '../i18n-office.ts';
import type { Unready } from './previewable.ts';

type Words = Parameters<typeof fieldLabel>[1] & OfficeMessages;

/**
 * @example previewWaitsNote({ path: 'title.ru', reason: 'too_long', max: 200 }, officeEn, 'en')
 *   // 'The preview updates once “Title · RU” is fixed: at most 200 characters'
 */
export function previewWaitsNote(waits: Unready, t: Words, language: Language): string {
  const name = fieldLabel(waits.path, t, language);
  switch (waits.reason) {
    case 'empty':
      return fill(t.previewWaitsFor, { name });
    case 'blank':
      return fill(t.previewWaitsForBlank, { name });
    case 'too_long':
      return fill(t.previewWaitsForTooLong, { name, max: waits.max.toLocaleString(language) });
    case 'invalid':
      return fill(t.previewWaitsForInvalid, { name });
  }
}
