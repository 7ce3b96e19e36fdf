/**
 * What a participant is offered is what can be done on their platform: the state lists only those tasks, on the task
 * list and on the wheel alike (one rule, task-kinds.ts `availableOn`), and counts the rest in `tasksNotHere`. Before,
 * an OK or Telegram launch got every VK-only task as "unavailable", and the wheel listed them as tasks for attempts.
 * Launches signed as OK and Telegram sign them (tests/support/test-deps.ts), through the HTTP API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w.close());

interface State {
  tasks: Array<{ key: string; state: string }>;
  tasksNotHere: number;
  progress: { done: number; total: number };
}

async function stateFor(campaignId: number, authorization: string): Promise<State> {
  const opened = await w.app.request(`/api/campaigns/${campaignId}/open`, {
    method: 'POST',
    headers: { authorization, 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(opened.status).toBe(200);
  return ((await opened.json()) as { state: State }).state;
}

const launches = () => ({
  ok: w.okAuth('5550001'),
  telegram: w.tmaAuth(7770001),
});

async function wheelWith(tasks: Array<[string, Parameters<PromoWorld['task']>[2]]>) {
  const id = await w.campaign({
    mechanic: 'wheel',
    settings: { wheel: { dailyFreeAttempts: 1, dailyAttemptLimit: 3, resetHour: 7, loseWeight: 1 } },
  });
  for (const [key, kind] of tasks) await w.task(id, key, kind, {}, { attemptsGranted: 1 });
  return id;
}

describe('tasks offered on OK and Telegram', () => {
  it("the wheel's tasks for attempts are only those that can be done there; VK still gets them all", async () => {
    w = await createPromoWorld();
    const id = await wheelWith([
      ['join', 'join_community'],
      ['msgs', 'allow_messages'],
      ['friends', 'invite_friends'],
    ]);
    for (const [platform, authorization] of Object.entries(launches())) {
      const state = await stateFor(id, authorization);
      expect(
        state.tasks.map((t) => t.key),
        platform,
      ).toEqual(['friends']);
      expect(
        state.tasks.map((t) => t.state),
        platform,
      ).toEqual(['todo']);
      expect(state.tasksNotHere, platform).toBe(2);
      expect(state.progress, platform).toEqual({ done: 0, total: 1 });
    }
    const vk = await (await w.call('POST', `/api/campaigns/${id}/open`, 1, {})).json();
    expect(vk.state.tasks.map((t: { key: string }) => t.key)).toEqual(['join', 'msgs', 'friends']);
    expect(vk.state.tasksNotHere).toBe(0);
  });

  it('a wheel whose every task is VK-only lists none there and says how many are left out', async () => {
    w = await createPromoWorld();
    const id = await wheelWith([
      ['join', 'join_community'],
      ['notify', 'allow_notifications'],
    ]);
    for (const [platform, authorization] of Object.entries(launches())) {
      const state = await stateFor(id, authorization);
      expect(state.tasks, platform).toEqual([]);
      expect(state.tasksNotHere, platform).toBe(2);
      expect(state.progress, platform).toEqual({ done: 0, total: 0 });
    }
  });

  it('the tasks mechanic follows the same rule', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'join', 'join_community');
    await w.task(id, 'code', 'enter_code');
    await w.task(id, 'notify', 'allow_notifications');
    for (const [platform, authorization] of Object.entries(launches())) {
      const state = await stateFor(id, authorization);
      expect(
        state.tasks.map((t) => t.key),
        platform,
      ).toEqual(['code']);
      expect(state.tasksNotHere, platform).toBe(2);
    }
  });
});
