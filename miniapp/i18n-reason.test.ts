/**
 * Found from outside: "Не получилось: У вас нет прав…" — a refusal's sentence put after a failure's colon kept its
 * capital. Every failure template of the office, filled with the office's own refusals, now reads as one sentence in
 * ru and en (withReason), a name in capitals keeps them, and no screen composes a refusal on its own any more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offersOfficeMessages } from './admin/catalogue-offers/i18n-offers-office.ts';
import { agencyStrings } from './admin/i18n-agency.ts';
import { betaStrings } from './admin/i18n-beta.ts';
import { drawOfficeEn, drawOfficeRu } from './admin/i18n-draw.ts';
import { drawEntrantsEn, drawEntrantsRu } from './admin/i18n-draw-entrants.ts';
import { mailingsMessages } from './admin/i18n-mailings.ts';
import { officeMessages } from './admin/i18n-office.ts';
import { poolsStrings } from './admin/i18n-pools.ts';
import { statsStrings } from './admin/i18n-stats.ts';
import { teamStrings } from './admin/i18n-team.ts';
import { REFUSAL_WORDING, refusalText } from './admin/refusal-text.ts';
import { ApiRequestError } from './api/client.ts';
import { asClause, withReason } from './i18n-reason.ts';

const LANGUAGES = ['ru', 'en'] as const;

/** Every office template that puts a failure's reason after a colon. */
const templates = (language: 'ru' | 'en'): [string, string][] => [
  ['agency', agencyStrings(language).error],
  ['beta', betaStrings(language).error],
  ['draw', (language === 'en' ? drawOfficeEn : drawOfficeRu).error],
  ['draw entrants', (language === 'en' ? drawEntrantsEn : drawEntrantsRu).error],
  ['mailings', mailingsMessages[language].error],
  ['pools', poolsStrings(language).error],
  ['team', teamStrings(language).error],
  ['offers feed', offersOfficeMessages[language].failed],
  ['stats CSV', statsStrings(language).csvFailed],
  ['community claim', officeMessages[language].claimError],
  ['campaign save', officeMessages[language].saveFailed],
];

describe('a failure and its reason read as one sentence', () => {
  it('every failure template, with a refusal the office words, has no capital after its colon (ru, en)', () => {
    const refusal = new ApiRequestError(403, 'forbidden', 'No rights');
    const said = { ru: 'у вас нет прав на это в этом бренде.', en: 'you have no rights for this in this brand.' };
    for (const language of LANGUAGES) {
      for (const [name, template] of templates(language)) {
        const text = withReason(template, refusalText(refusal, language));
        expect(text, `${name} ${language}`).toMatch(new RegExp(`^[^:{}]+: ${said[language].replace('.', '\\.')}$`));
      }
    }
  });

  it('each refusal of the office reads after a colon with a small first letter, unless it starts with a name', () => {
    for (const language of LANGUAGES) {
      for (const [code, sentence] of Object.entries(REFUSAL_WORDING[language])) {
        const clause = asClause(sentence);
        expect(clause.slice(1), code).toBe(sentence.slice(1));
        if (['VK ', 'ВКонтакте ', 'SECRETS_KEY'].some((name) => sentence.startsWith(name)))
          expect(clause, code).toBe(sentence);
        else expect(clause[0], `${language} ${code}`).toBe(sentence[0]?.toLocaleLowerCase());
      }
    }
  });

  it('names in capitals, a capital inside a word and the pronoun I keep theirs; a one-letter word does not', () => {
    expect(asClause('VK did not answer the check.')).toBe('VK did not answer the check.');
    expect(asClause('ВКонтакте не ответил на проверку.')).toBe('ВКонтакте не ответил на проверку.');
    expect(asClause('CSV is needed.')).toBe('CSV is needed.');
    expect(asClause('I could not.')).toBe('I could not.');
    expect(asClause('A CSV file is needed.')).toBe('a CSV file is needed.');
    expect(asClause('В акции не осталось времени.')).toBe('в акции не осталось времени.');
    expect(asClause('Бета-тест закрыт.')).toBe('бета-тест закрыт.');
    expect(asClause('файл больше 64 КБ')).toBe('файл больше 64 КБ');
  });

  it('no screen fills a refusal into a template on its own: one home, withReason', () => {
    const own: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) {
          const source = readFileSync(path, 'utf8');
          if (/fill\([^;]*(refusalText|errorText)\(/.test(source)) own.push(path);
        }
      }
    };
    walk(join(import.meta.dirname));
    expect(own).toEqual([]);
  });
});
