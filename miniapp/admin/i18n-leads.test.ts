/**
 * The leads inbox and the leads CSV name a lead's fields alike (decision 076): the screen's labels for the fields the
 * export has a column for are the export's own header words, in both office languages, so a word changed for one
 * cannot leave the other behind.
 */
import { describe, expect, it } from 'vitest';
import { csvHeader, yesNo } from '../../server/http/csv-words.ts';
import { contactCheckText, LEADS_CSV_COLUMNS } from '../../server/leads/lead-words.ts';
import { leadsMessages } from './i18n-leads.ts';

/** A screen label and the CSV column the same field is written under. */
const SAME_FIELD = [
  ['name', 'name'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['result', 'result'],
  ['status', 'status'],
  ['policy', 'policy_url'],
  ['delivery', 'crm_delivery'],
] as const;

describe('the leads inbox labels a field as the leads CSV heads its column', () => {
  for (const language of ['ru', 'en'] as const) {
    it(language, () => {
      const header = csvHeader(LEADS_CSV_COLUMNS, language);
      for (const [label, column] of SAME_FIELD) {
        expect(leadsMessages[language][label], `${label} / ${column}`).toBe(LEADS_CSV_COLUMNS[column][language]);
        expect(header, label).toContain(leadsMessages[language][label]);
      }
    });
  }
});

describe("the lead's screen says whether the platform verified a contact in the CSV's words", () => {
  // Red before: the screen read «Телефон · подтверждён платформой» / «введён вручную», words of its own.
  it('column and cell, in both office languages', () => {
    expect(contactCheckText('phone', true, 'ru')).toBe('Телефон подтверждён платформой: Да');
    expect(contactCheckText('email', false, 'en')).toBe('E-mail verified by the platform: No');
    for (const language of ['ru', 'en'] as const) {
      for (const contact of ['phone', 'email'] as const) {
        const column = LEADS_CSV_COLUMNS[`${contact}_verified`][language];
        expect(csvHeader(LEADS_CSV_COLUMNS, language)).toContain(column);
        expect(contactCheckText(contact, false, language)).toBe(`${column}: ${yesNo(false, language)}`);
      }
      expect(Object.keys(leadsMessages[language])).not.toContain('verified');
    }
  });
});
