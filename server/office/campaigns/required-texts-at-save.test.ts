/**
 * A text every participant meets (the campaign's title, a task's title, a reward's title) left empty in every language
 * was saved with a 200: a draft kept it as one more problem, and the participant's preview showed an empty place. Now
 * the save is a 422 naming the field and the required language (`title.ru`, code `text_required`), nothing is written,
 * and the same document with the text written saves. Going live names it too (`title_missing`). A draft an earlier
 * release stored blank still opens (no 500) and saves once the text is written. A settings text (a quiz question, an
 * option) empty in every language was refused at the whole text ("At least one language must have the text", no
 * code): the office could only say the value did not fit; now it is the same `text_required` at the Russian field.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const EMPTY = { ru: '', en: '' };

async function draft() {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  expect(created.status).toBe(201);
  const id: number = created.body.id;
  return { id, doc: (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document };
}

const issues = (body: { error: { issues?: { path: string; code?: string }[] } }) =>
  (body.error.issues ?? []).map((i) => [i.path, i.code]);

describe('a required text empty in every language', () => {
  it('is refused at save with the field and language named, and nothing is written', async () => {
    w = await createOfficeWorld();
    const { id, doc } = await draft();
    const blank = {
      ...doc,
      title: EMPTY,
      tasks: doc.tasks.map((t: object, i: number) => (i === 0 ? { ...t, title: { ru: ' ', en: '' } } : t)),
      rewards: doc.rewards.map((r: object) => ({ ...r, title: EMPTY })),
    };
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, blank);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(422);
    expect(saved.body.error.code).toBe('invalid_input');
    expect(issues(saved.body)).toEqual([
      ['title.ru', 'text_required'],
      ['tasks.0.title.ru', 'text_required'],
      ['rewards.0.title.ru', 'text_required'],
    ]);
    const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
    expect(row?.title).toBe(doc.title.ru);
    expect(row?.editVersion).toBe(doc.editVersion);

    // Written in one language only, it saves (the other is a warning; Russian is still required to go live).
    const english = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      title: { ru: '', en: 'Promo' },
    });
    expect(english.status, JSON.stringify(english.body).slice(0, 300)).toBe(200);
    const live = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(live.status).toBe(422);
    expect(live.body.problems).toContainEqual(expect.objectContaining({ path: 'title.ru', code: 'title_missing' }));
  });

  it('stored blank by an earlier release, the draft still opens and saves once the text is written', async () => {
    w = await createOfficeWorld();
    const { id } = await draft();
    await w.write(async (tx) => {
      await tx.update(schema.campaigns).set({ title: '', translations: {} }).where(eq(schema.campaigns.id, id));
    });
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(opened.status).toBe(200);
    expect(opened.body.document.title).toEqual(EMPTY);
    expect(opened.body.problems).toContainEqual(expect.objectContaining({ path: 'title.ru', code: 'title_missing' }));
    const participantView = await w.call('GET', `/api/campaigns/${id}`, 14);
    expect(participantView.status).toBeLessThan(500);

    const untouched = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, opened.body.document);
    expect(untouched.status).toBe(422);
    expect(issues(untouched.body)).toEqual([['title.ru', 'text_required']]);
    const written = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...opened.body.document,
      title: { ru: 'Акция', en: 'Promo' },
    });
    expect(written.status).toBe(200);
  });
});

describe('a quiz question or option empty in every language', () => {
  it('is refused at its Russian field with the same code', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'quiz-tiers',
    });
    const id: number = created.body.id;
    const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const [first, ...rest] = doc.settings.quiz.questions;
    const [option, ...options] = first.options;
    const blank = { ...first, text: EMPTY, options: [{ ...option, text: { ru: '', en: '\u200b' } }, ...options] };
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      settings: { ...doc.settings, quiz: { ...doc.settings.quiz, questions: [blank, ...rest] } },
    });
    expect(saved.status).toBe(422);
    expect(issues(saved.body)).toEqual(
      expect.arrayContaining([
        ['settings.quiz.questions.0.text.ru', 'text_required'],
        ['settings.quiz.questions.0.options.0.text.en', 'blank_text'],
      ]),
    );
    const { en: _en, ...russianOnly } = { ...blank.text, ru: 'Вопрос?' };
    const fixed = { ...blank, text: russianOnly, options: [{ ...option, text: { ru: 'Да', en: '' } }, ...options] };
    const ok = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      settings: { ...doc.settings, quiz: { ...doc.settings.quiz, questions: [fixed, ...rest] } },
    });
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
  });
});
