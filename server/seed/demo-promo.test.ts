/** The demo world has one playable campaign of each mechanic, walkable end to end with the local VK simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { localVkApi } from '../vk/vk-api.ts';
import { seedDemo } from './demo-seed.ts';

let w: TestWorld;
afterEach(() => w.close());

describe('demo seed', () => {
  it('lets a participant walk tasks → reward, a quiz to its result and a wheel spin', async () => {
    w = createTestWorld();
    seedDemo(w.deps.db, w.config, w.clock.now);
    w.deps.vk = localVkApi();
    const app = createApp(w.deps);
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app.request(path, {
        method,
        headers: { Authorization: w.vkAuth(100001), 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: await res.json() };
    };
    const campaigns = w.deps.db.select().from(schema.campaigns).all();
    const bySlug = (slug: string) => campaigns.find((c) => c.slug === slug)?.id as number;

    const tasksId = bySlug('summer-tasks');
    const opened = await call('POST', `/api/campaigns/${tasksId}/open`, {});
    expect(opened.json.state.tasks.map((t: { kind: string }) => t.kind)).toEqual([
      'join_community',
      'allow_messages',
      'share_story',
      'visit_link',
      'enter_code',
      'invite_friends',
    ]);
    await call('POST', `/api/campaigns/${tasksId}/tasks/join/complete`, {});
    await call('POST', `/api/campaigns/${tasksId}/tasks/messages/complete`, {});
    await call('POST', `/api/campaigns/${tasksId}/tasks/pack-code/complete`, { code: 'PACK-0007' });
    await call('POST', `/api/campaigns/${tasksId}/tasks/site/start`);
    await call('POST', `/api/campaigns/${tasksId}/tasks/site/complete`, { result: 'done' });
    const discount = await call('POST', `/api/campaigns/${tasksId}/rewards/discount15/claim`);
    expect(discount.json.grant.code).toMatch(/^SUMMER15-\d{4}$/);
    expect((await call('POST', `/api/campaigns/${tasksId}/rewards/stickers/claim`)).status).toBe(200);

    const quizId = bySlug('brand-quiz');
    const quiz = await call('POST', `/api/campaigns/${quizId}/open`, {});
    expect(quiz.json.state.quiz.questions).toHaveLength(5);
    const answers = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };
    const result = await call('POST', `/api/campaigns/${quizId}/quiz/answers`, { answers });
    expect(result.json).toMatchObject({ score: 5, band: { key: 'expert' }, reward: { rewardKey: 'quiz25' } });

    const wheelId = bySlug('lucky-wheel');
    const wheel = await call('POST', `/api/campaigns/${wheelId}/open`, {});
    expect(wheel.json.state.wheel.sectors.map((s: { key: string }) => s.key)).toEqual([
      'wheel5',
      'wheel20',
      'tshirt',
      'lose',
    ]);
    const spin = await call('POST', `/api/campaigns/${wheelId}/wheel/spin`);
    expect(spin.status).toBe(200);
    expect(['win', 'lose']).toContain(spin.json.outcome);
    const prizes = await call('GET', `/api/campaigns/${tasksId}/prizes`);
    expect(prizes.json.prizes).toHaveLength(2);
  });
});
