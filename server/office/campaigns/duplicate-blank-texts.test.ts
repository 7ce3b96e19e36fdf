/**
 * A duplicate of a campaign an earlier release stored with blank-looking texts (rows written directly: a campaign
 * title of a zero-width space, a reward title that is a control character) copies them. Before, the copy's problems
 * did not name them (`trim` keeps both), its title became the copy mark alone ("​ (копия)"), and once its pool had
 * codes it went live untitled, which a new campaign could not (every save refuses such text). Now they are named as
 * missing, as a new draft's are: the copy's title is empty, its problems and its going live name both
 * (`title_missing`, the 422 `not_publishable`), and once written it goes live.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld, PARTICIPANT } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const ZERO_WIDTH = '\u200B';
const CONTROL = '\u0001';

/** A launched campaign from a template whose texts an earlier release left blank-looking. */
async function oldCampaign() {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  const id: number = created.body.id;
  await w.codes(id, 'discount15', 10);
  expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' })).status).toBe(200);
  await w.write(async (tx) => {
    await tx
      .update(schema.campaigns)
      .set({ title: ZERO_WIDTH, translations: { en: { title: ZERO_WIDTH } } })
      .where(eq(schema.campaigns.id, id));
    await tx.update(schema.rewards).set({ title: CONTROL, translations: {} }).where(eq(schema.rewards.campaignId, id));
  });
  return id;
}

type Problem = { path: string; code: string; severity: string };
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.code]);
const MISSING = [
  ['title.ru', 'title_missing'],
  ['rewards.0.title.ru', 'title_missing'],
];

describe('a duplicate of a campaign with blank-looking texts', () => {
  it('names them as missing, as for a new draft, and does not go live until they are written', async () => {
    w = await createOfficeWorld();
    const original = await oldCampaign();
    const copy = await w.json('POST', `/api/admin/campaigns/${original}/duplicate`, EDITOR);
    expect(copy.status).toBe(201);
    const id: number = copy.body.id;
    expect(copy.body.title).toEqual({ ru: '', en: '' });
    await w.codes(id, 'discount15', 10);

    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(errors(opened.body.problems)).toEqual(MISSING);
    const live = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(live.status, JSON.stringify(live.body).slice(0, 300)).toBe(422);
    expect(live.body.error.code).toBe('not_publishable');
    expect(errors(live.body.problems)).toEqual(MISSING);
    expect((await w.json('GET', `/api/campaigns/${id}`, PARTICIPANT)).status).toBe(404);

    // The first save names the control character as the save does everywhere; written, the copy goes live.
    const doc = opened.body.document;
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, doc);
    expect(saved.status).toBe(422);
    expect(saved.body.error.issues).toEqual([
      expect.objectContaining({ path: 'rewards.0.title.ru', code: 'blank_text' }),
    ]);
    const rewards = doc.rewards.map((r: object) => ({ ...r, title: { ru: 'Скидка', en: 'Discount' } }));
    const fixed = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      title: { ru: 'Акция', en: 'Promo' },
      rewards,
    });
    expect(fixed.status, JSON.stringify(fixed.body).slice(0, 300)).toBe(200);
    expect(errors(fixed.body.problems)).toEqual([]);
    expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' })).status).toBe(200);
  });

  it('a quiz copied with a blank question and 25 options does not go live until a save would take it', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'quiz-tiers',
    });
    const original: number = created.body.id;
    const settings = created.body.settings;
    const [first, ...rest] = settings.quiz.questions;
    const options = Array.from({ length: 25 }, (_, i) => ({
      id: `o${i + 1}`,
      text: { ru: `Вариант ${i + 1}`, en: '' },
    }));
    const old = { ...first, text: { ru: ZERO_WIDTH, en: ZERO_WIDTH }, options, correct: ['o25'] };
    const stored = { ...settings, quiz: { ...settings.quiz, questions: [old, ...rest] } };
    await w.write((tx) =>
      tx.update(schema.campaigns).set({ settings: stored }).where(eq(schema.campaigns.id, original)),
    );
    const copy = await w.json('POST', `/api/admin/campaigns/${original}/duplicate`, EDITOR);
    const id: number = copy.body.id;
    for (const pool of copy.body.pools) await w.codes(id, pool.key, 10);

    const expected = [
      ['settings.quiz.questions.0.text.ru', 'blank_text'],
      ['settings.quiz.questions.0.text.en', 'blank_text'],
      ['settings.quiz.questions.0.options', 'too_big'],
    ];
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(errors(opened.body.problems)).toEqual(expected);
    const live = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(live.status, JSON.stringify(live.body).slice(0, 300)).toBe(422);
    expect(errors(live.body.problems)).toEqual(expected);
    // The first save names the same fields; written as a save takes them, the copy goes live.
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, opened.body.document);
    expect(saved.body.error.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual(expected);
    const fixed = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, { ...opened.body.document, settings });
    expect(fixed.status, JSON.stringify(fixed.body).slice(0, 300)).toBe(200);
    expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' })).status).toBe(200);
  });
});
