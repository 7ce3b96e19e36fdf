/**
 * Decision 055: settings an earlier release stored, before decision 051's visible-text rule and the quiz's
 * 20-option bound, still read. Each row is inserted as that release wrote it, bypassing the API, then read through
 * the real routes. Before, the campaign's open, state, rules, quiz and wheel were a 500 for every participant and the
 * stored calculator a 422 for participants and for the office. Now the participant gets 200s with blank-looking texts
 * read as not written (a default, the brand's name, the other language, or left out), every stored option answerable;
 * the office opens the campaign and its calculator, and the save names the field to fix with the shared 422. A task
 * link saved before the web-address rule (`javascript:`) reads as not written: it never reaches the participant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INSURANCE } from '../calculator/testing/calculator-world.ts';
import { schema } from '../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from '../office/campaigns/office-campaign.test-world.ts';
import { quizSettings } from '../seed/demo-promo.ts';
import { DAY } from './testing/promo-world.ts';

let w: OfficeWorld | undefined;
afterEach(async () => w?.close());

const ZERO_WIDTH = '\u200B';
const CONTROL = '\u0001';
const PARTICIPANT = 1;

/** The demo quiz with its first question as an earlier release could store it: blank text, 25 options, one of them blank. */
function oldQuiz() {
  const quiz = quizSettings();
  const options = Array.from({ length: 25 }, (_, i) => ({ id: `o${i + 1}`, text: { ru: `Вариант ${i + 1}`, en: '' } }));
  options[3] = { id: 'o4', text: { ru: CONTROL, en: '' } };
  const first = { ...quiz.questions[0], text: { ru: ZERO_WIDTH, en: ZERO_WIDTH }, options, correct: ['o25'] };
  // Bands without prizes: the campaign has no rewards.
  const bands = quiz.bands.map(({ rewardKey: _, ...band }) => band);
  return { questions: [first, ...quiz.questions.slice(1)], bands } as ReturnType<typeof quizSettings>;
}

/** Every question answered: the first with its 25th option, the others as the demo's right answers. */
function answersOf(quiz: ReturnType<typeof quizSettings>) {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct]));
}

async function ok(method: string, path: string, user: number, body?: unknown) {
  const res = await w?.json(method, path, user, body);
  expect(res?.status, `${method} ${path}: ${JSON.stringify(res?.body).slice(0, 300)}`).toBe(200);
  return res?.body;
}

describe('settings stored before the stricter write rules', () => {
  it('a quiz campaign: listed, opened, its state, rules, help and answers read; the office opens it, the save names the fields', async () => {
    w = await createOfficeWorld();
    const quiz = oldQuiz();
    const id = await w.campaign({
      mechanic: 'quiz',
      settings: {
        quiz,
        organizer: { ru: ZERO_WIDTH, en: '' },
        faq: [
          { q: { ru: ZERO_WIDTH }, a: { ru: 'Ответ' } },
          { q: { ru: 'Когда итоги?' }, a: { ru: 'В конце месяца' } },
        ],
      },
    });
    const listed = await ok('GET', '/api/campaigns', PARTICIPANT);
    expect(listed.campaigns.map((c: { id: number }) => c.id)).toContain(id);
    await ok('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {});
    const state = await ok('GET', `/api/campaigns/${id}/state`, PARTICIPANT);
    expect(JSON.stringify(state)).toContain('Вариант 25');
    const rules = await ok('GET', `/api/campaigns/${id}/rules`, PARTICIPANT);
    // A blank-looking organiser is not written: the brand's name stands, as for a campaign without one.
    expect(rules.sections[0]).toMatchObject({ key: 'organizer', text: 'Brand' });
    const help = await ok('GET', `/api/support/campaigns/${id}/faq`, PARTICIPANT);
    expect(help.faq).toEqual([{ q: 'Когда итоги?', a: 'В конце месяца' }]);
    const scored = await ok('POST', `/api/campaigns/${id}/quiz/answers`, PARTICIPANT, { answers: answersOf(quiz) });
    expect(scored.score).toBe(quiz.questions.length);

    const opened = await ok('GET', `/api/admin/campaigns/${id}`, EDITOR);
    // The brand can take it off the air while fixing it.
    const paused = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'paused' });
    expect(paused.status).toBe(200);
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, opened.document);
    expect(saved.status).toBe(422);
    const issues = saved.body.error.issues.map((i: { path: string; code?: string }) => [i.path, i.code]);
    expect(issues).toEqual([
      ['settings.quiz.questions.0.text.ru', 'blank_text'],
      ['settings.quiz.questions.0.text.en', 'blank_text'],
      ['settings.quiz.questions.0.options', 'too_big'],
      ['settings.organizer.ru', 'blank_text'],
      ['settings.faq.0.q.ru', 'blank_text'],
    ]);
  });

  it('a wheel whose lose sector is a control character: opened and spun, the sector reads its default label', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ mechanic: 'wheel', settings: { wheel: { loseLabel: CONTROL, loseWeight: 1 } } });
    await w.reward(id, 'prize', { title: 'Скидка', unlock: { wheel: true }, weight: 1 });
    await ok('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {});
    await ok('GET', `/api/campaigns/${id}/state`, PARTICIPANT);
    const spun = await ok('POST', `/api/campaigns/${id}/wheel/spin`, PARTICIPANT, {});
    expect(spun.sectors.find((s: { key: string }) => s.key === 'lose').label).toBe('Не повезло');
    await ok('GET', `/api/admin/campaigns/${id}`, EDITOR);
  });

  it('a giveaway’s tasks (a quiz of 25 options, a story with a blank button) and its blank prize: state and rules read', async () => {
    w = await createOfficeWorld();
    const quiz = oldQuiz();
    const now = w.clock.now;
    const id = await w.campaign({
      settings: {
        draw: { winners: 1, drawAt: now + 10 * DAY, requiredTaskKeys: ['quiz'], prize: { ru: ZERO_WIDTH, en: '' } },
      },
    });
    await w.task(id, 'quiz', 'quiz', { questions: quiz.questions, passScore: 1 });
    await w.task(id, 'story', 'share_story', {
      imageUrl: 'https://brand.example/story.png',
      link: 'https://brand.example',
      linkText: ZERO_WIDTH,
    });
    await ok('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {});
    const state = await ok('GET', `/api/campaigns/${id}/state`, PARTICIPANT);
    expect(JSON.stringify(state)).toContain('Вариант 25');
    const story = state.tasks.find((t: { key: string }) => t.key === 'story');
    // A button text that shows nothing is not written: the app's own wording stands, as for a story without one.
    expect(story.action).not.toHaveProperty('linkText');
    const rules = await ok('GET', `/api/campaigns/${id}/rules`, PARTICIPANT);
    expect(JSON.stringify(rules)).not.toContain(ZERO_WIDTH);
    await ok('GET', `/api/admin/campaigns/${id}`, EDITOR);
  });

  it('task links saved before the web-address rule (javascript:, data:): the state reads, no such link reaches the participant', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({});
    await w.task(id, 'visit', 'visit_link', { url: 'javascript:alert(document.cookie)' });
    await w.task(id, 'story', 'share_story', {
      imageUrl: 'data:image/svg+xml,<svg onload="alert(1)"/>',
      link: 'data:text/html,<script>alert(1)</script>',
    });
    await ok('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {});
    const state = await ok('GET', `/api/campaigns/${id}/state`, PARTICIPANT);
    const started = await ok('POST', `/api/campaigns/${id}/tasks/visit/start`, PARTICIPANT, {});
    const story = await ok('POST', `/api/campaigns/${id}/tasks/story/start`, PARTICIPANT, {});
    for (const answer of [state, started, story]) expect(JSON.stringify(answer)).not.toMatch(/javascript:|data:/);
    // The tap has nothing to open: the link reads as not written, and the brand's next save names it.
    expect(started.task.action).toEqual({ url: '' });
    expect(story.task.action).toEqual({ imageUrl: '', link: '' });
    const opened = await ok('GET', `/api/admin/campaigns/${id}`, EDITOR);
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, opened.document);
    expect(saved.status).toBe(422);
    expect(saved.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'tasks.0.config.url',
      'tasks.1.config.imageUrl',
      'tasks.1.config.link',
    ]);
  });

  it('a calculator with blank texts: the participant opens and calculates, the office opens it and the save names the field', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ stages: ['opened', 'calculator_opened', 'calculated', 'lead_sent'] });
    const config = {
      ...INSURANCE,
      inputs: INSURANCE.inputs.map((input, i) =>
        i === 0 ? { ...input, label: { ru: ZERO_WIDTH, en: 'Area' } } : input,
      ),
      resultText: { ru: CONTROL, en: '' },
    };
    await w.write(async (tx) => {
      await tx.insert(schema.calculators).values({ campaignId: id, config, updatedAt: 1 });
    });
    await w.write(async (tx) => {
      await tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: '77',
        agencyId: w?.agencyId ?? 0,
        brandId: w?.brandId ?? 0,
        role: 'brand_admin',
        sections: ['campaigns', 'leads'],
      });
    });
    await ok('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {});
    const opened = await ok('POST', `/api/campaigns/${id}/calculator/open`, PARTICIPANT, {});
    // The blank Russian label is not written: the English one is read, by the one fallback rule.
    expect(opened.inputs[0].label).toBe('Area');
    await ok('POST', `/api/campaigns/${id}/calculator/calculate`, PARTICIPANT, {
      inputs: { area: 54, price: 12.5, gas: true, months: 7 },
    });
    const office = await ok('GET', `/api/admin/campaigns/${id}/calculator`, 77);
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}/calculator`, 77, office);
    expect(saved.status).toBe(422);
    expect(saved.body.error.issues.map((i: { path: string; code?: string }) => [i.path, i.code])).toEqual([
      ['inputs.0.label.ru', 'blank_text'],
      ['resultText.ru', 'blank_text'],
    ]);
  });
});
