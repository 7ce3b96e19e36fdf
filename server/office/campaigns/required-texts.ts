/**
 * @module The texts of a campaign a participant always meets in its place: the campaign's title, each task's and each
 * reward's title. Empty in every language, the participant's screen shows an empty place, so no save takes one (a 422
 * naming the field and Russian, the language a text is required in, decision 017); going live asks more (Russian
 * written, `title_missing` in campaign-problems.ts). Settings texts (quiz questions and options, bands, wheel, draw)
 * are refused by their own shapes (settings-rules.ts). A draft an earlier release stored blank opens as it is.
 */
import type { ErrorIssue } from '../../http/errors.ts';
import { hasVisibleText } from '../../http/visible-text.ts';
import type { Bilingual, CampaignContent } from './campaign-document.ts';

/** Every required text of the document with its path, in document order. */
export function requiredTexts(doc: Pick<CampaignContent, 'title' | 'tasks' | 'rewards'>): [string, Bilingual][] {
  return [
    ['title', doc.title],
    ...doc.tasks.map((t, i): [string, Bilingual] => [`tasks.${i}.title`, t.title]),
    ...doc.rewards.map((r, i): [string, Bilingual] => [`rewards.${i}.title`, r.title]),
  ];
}

/**
 * The required texts that show nothing in any language, as 422 issues at their Russian field.
 * @example blankRequiredTexts({ title: { ru: '', en: '' }, tasks: [], rewards: [] }) // [{ path: 'title.ru', code: 'text_required', … }]
 */
export function blankRequiredTexts(doc: Pick<CampaignContent, 'title' | 'tasks' | 'rewards'>): ErrorIssue[] {
  return requiredTexts(doc)
    .filter(([, text]) => !hasVisibleText(text.ru) && !hasVisibleText(text.en))
    .map(([path]) => ({
      path: `${path}.ru`,
      // The office words it at the field (refusal-issue-wording.ts).
      code: 'text_required',
      params: { language: 'ru' },
      message: 'Required: write it at least in Russian; participants would see an empty place',
    }));
}
