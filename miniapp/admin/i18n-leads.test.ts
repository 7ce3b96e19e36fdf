/**
 * The leads inbox and the leads CSV name a lead's fields alike (decision 076): the screen's labels for the fields the
 * export has a column for are the export's own header words, in both office languages, so a word changed for one
 * cannot leave the other behind.
 */
import { describe, expect, it } from 'vitest';
import { csvHeader } from '../../server/http/csv-words.ts';
import { LEADS_CSV_COLUMNS } from '../../server/leads/lead-words.ts';
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
