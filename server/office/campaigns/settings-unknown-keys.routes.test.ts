/**
 * The objects inside a task's config (a quiz question, an answer option) and a campaign's `settings` take only their
 * own keys, as a task's config does (task-config-unknown-keys.routes.test.ts). Before, a save dropped such a key and
 * answered 200: a typo (`corect` for `correct`, `dailyFreeAtempts`) was lost without a word and the setting meant
 * kept its old value. Now the save is refused 422 at each such key by its full path (`unknown_key`), and nothing is
 * stored. A campaign an earlier release stored with such keys still reads and runs for participants (decision 055),
 * opens in the office without them and with nothing to fix, and its next save goes through without them.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const PARTICIPANT = 1;
const read = async (id: number): Promise<Body> => (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body;
const save = (doc: Body) => w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, doc);
const stored = async (id: number) => {
  const [campaign] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
  const tasks = await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.campaignId, id));
  return { settings: campaign?.settings, configs: Object.fromEntries(tasks.map((t) => [t.key, t.config])) };
};

const question = {
  id: 'q1',
  text: 'Что?',
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  correct: ['a'],
};
const quizConfig = { questions: [question], passScore: 1 };
const wheel = { dailyFreeAttempts: 1, dailyAttemptLimit: 3, resetHour: 0, loseWeight: 1 };
const faq = [{ q: { ru: 'Вопрос' }, a: { ru: 'Ответ' } }];

describe('a key an object inside a config or the settings does not have', () => {
  it('a quiz question’s, an option’s, the wheel’s, the FAQ’s and the settings’ own: 422 at each by its path, nothing stored', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ status: 'draft', mechanic: 'wheel', settings: { wheel, faq } });
    await w.task(id, 'quiz', 'quiz', quizConfig);
    const before = await stored(id);
    const { document } = await read(id);
    const [quiz] = document.tasks;
    const typoQuestion = {
      ...question,
      corect: ['b'],
      options: [{ id: 'a', text: 'A', right: true }, question.options[1]],
    };
    const refused = await save({
      ...document,
      settings: {
        ...document.settings,
        organiser: 'ООО Бренд',
        wheel: { ...document.settings.wheel, dailyFreeAtempts: 5 },
        faq: [{ q: { ru: 'Вопрос', em: 'Question' }, a: { ru: 'Ответ' }, hidden: true }],
      },
      tasks: [{ ...quiz, config: { ...quiz.config, questions: [typoQuestion] } }],
    });
    expect(refused.status).toBe(422);
    const issues = refused.body.error.issues.map((i: { path: string; code?: string; params?: unknown }) => [
      i.path,
      i.code,
      i.params,
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['settings.organiser', 'unknown_key', { key: 'organiser' }],
        ['settings.wheel.dailyFreeAtempts', 'unknown_key', { key: 'dailyFreeAtempts' }],
        ['settings.faq.0.hidden', 'unknown_key', { key: 'hidden' }],
        ['settings.faq.0.q.em', 'unknown_key', { key: 'em' }],
        ['tasks.0.config.questions.0.corect', 'unknown_key', { key: 'corect' }],
        ['tasks.0.config.questions.0.options.0.right', 'unknown_key', { key: 'right' }],
      ]),
    );
    expect(issues).toHaveLength(6);
    expect(await stored(id)).toEqual(before);

    // Their own keys only: saved.
    expect((await save({ ...document, settings: { ...document.settings, organizer: 'ООО Бренд' } })).status).toBe(200);
    expect((await stored(id)).settings).toMatchObject({ organizer: 'ООО Бренд' });
  });

  it('stored so by an earlier release: runs, opens without them and nothing to fix, its next save drops them', async () => {
    w = await createOfficeWorld();
    // A tasks campaign with wheel settings kept from before its mechanic changed: the settings are read as a whole.
    const id = await w.campaign({
      settings: { wheel: { ...wheel, dailyFreeAtempts: 5 }, organiser: 'x', faq: [{ ...faq[0], hidden: true }] },
    });
    await w.task(id, 'quiz', 'quiz', {
      ...quizConfig,
      questions: [{ ...question, corect: ['b'], options: [{ id: 'a', text: 'A', right: true }, question.options[1]] }],
    });

    // The participant's app reads it.
    expect((await w.json('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {})).status).toBe(200);
    expect((await w.json('GET', `/api/campaigns/${id}/state`, PARTICIPANT)).status).toBe(200);

    const opened = await read(id);
    expect(opened.document.settings).toMatchObject({ wheel, faq });
    expect(opened.document.settings.organiser).toBeUndefined();
    expect(opened.document.settings.wheel.dailyFreeAtempts).toBeUndefined();
    expect(opened.document.tasks[0].config).toEqual(quizConfig);
    expect(
      opened.problems.filter((p: { code: string }) => p.code === 'unknown_key' || p.code === 'invalid_value'),
    ).toEqual([]);

    const saved = await save({ ...opened.document, title: { ru: 'Другое имя', en: 'Another name' } });
    expect([saved.status, saved.body.error]).toEqual([200, undefined]);
    const after = await stored(id);
    expect(after.settings).not.toHaveProperty('organiser');
    expect((after.settings as Body).wheel).not.toHaveProperty('dailyFreeAtempts');
    expect((after.settings as Body).faq[0]).not.toHaveProperty('hidden');
    expect(after.configs.quiz).toMatchObject(quizConfig);
  });
});
