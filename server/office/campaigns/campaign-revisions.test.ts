/**
 * Revision semantics: editing a published campaign publishes a new revision over what participants already did.
 * A removed task keeps the progress it gave; what was earned stays valid and is never granted again; a removed
 * reward can no longer be got; changed odds apply to new plays only.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { seededRandom } from '../../promo/testing/promo-world.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const FAN = 20;
const LATECOMER = 21;
const text = (ru: string) => ({ ru, en: ru });
const visit = (key: string, position: number) => ({
  key,
  kind: 'visit_link',
  title: text(key),
  description: text(''),
  config: { url: `https://example.com/${key}` },
  attemptsGranted: 0,
  position,
});
const prize = (key: string, unlock: Body, extra: Body = {}) => ({
  key,
  title: text(key),
  description: text(''),
  howToUse: text(''),
  poolKey: null,
  stock: 10,
  dailyCap: null,
  weight: 0,
  requiresServerVerified: false,
  unlock,
  ...extra,
});

/** A live campaign made of `content` (a template's draft with the given parts replaced). */
async function live(template: string, content: Body) {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey: template });
  const saved = await w.json('PUT', `/api/admin/campaigns/${created.body.id}`, EDITOR, { ...created.body, ...content });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const launched = await w.json('POST', `/api/admin/campaigns/${created.body.id}/status`, EDITOR, { to: 'live' });
  expect(launched.status, JSON.stringify(launched.body)).toBe(200);
  return launched.body;
}

async function doTask(id: number, user: number, key: string) {
  await w.json('POST', `/api/campaigns/${id}/tasks/${key}/start`, user, {});
  const done = await w.json('POST', `/api/campaigns/${id}/tasks/${key}/complete`, user, { result: 'done' });
  expect(done.body.task.state, JSON.stringify(done.body)).toBe('done');
}

describe('editing a published campaign', () => {
  it("a beta test's pool stays a sandbox whatever the document says: a revision giving it to a reward is refused", async () => {
    w = await createOfficeWorld();
    const doc = await live('tasks-reward', {
      tasks: [visit('a', 1)],
      rewards: [prize('gift', { tasks: 1 })],
      pools: [],
    });
    const sandbox = await w.pool(doc.id, 'beta', ['BETA-1', 'BETA-2']);
    await w.write((tx) => tx.update(schema.codePools).set({ sandbox: true }).where(eq(schema.codePools.id, sandbox)));
    // Found from outside: the document's own `sandbox: false` used to pass, and a real participant got BETA-1.
    const revised = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, {
      ...doc,
      pools: [{ key: 'beta', name: 'beta', purpose: 'reward', lowStockThreshold: 0, sandbox: false }],
      rewards: [prize('gift', { tasks: 1 }, { poolKey: 'beta', stock: null })],
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(422);
    expect(revised.body.error.code).toBe('not_publishable');
    expect(JSON.stringify(revised.body)).toContain('pool_is_sandbox');
    const revisions = await w.deps.db
      .select()
      .from(schema.campaignRevisions)
      .where(eq(schema.campaignRevisions.campaignId, doc.id));
    expect(revisions.map((r) => r.number)).toEqual([1]);
  });

  it('item 5: a removed task keeps the progress it gave; an earned reward stays and is never granted again; revision 2 is written', async () => {
    w = await createOfficeWorld();
    const doc = await live('tasks-reward', {
      tasks: [visit('a', 1), visit('b', 2), visit('c', 3)],
      rewards: [prize('two', { tasks: 2 })],
      pools: [],
    });
    const id = doc.id;
    await w.json('POST', `/api/campaigns/${id}/open`, FAN, {});
    await doTask(id, FAN, 'a');
    await doTask(id, FAN, 'b');
    const first = await w.json('POST', `/api/campaigns/${id}/rewards/two/claim`, FAN, {});
    expect(first.body.status).toBe('issued');

    const revised = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      tasks: [visit('b', 2), visit('c', 3)],
      rewards: [prize('two', { tasks: 2 }, { title: text('two, renamed') }), prize('also-two', { tasks: 2 })],
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body.document.revision).toBe(2);
    const [taskA] = (await w.deps.db.select().from(schema.tasks)).filter((t) => t.key === 'a');
    expect(taskA?.removedAt).toBe(w.clock.now);

    const state = (await w.json('GET', `/api/campaigns/${id}/state`, FAN)).body;
    expect(state.tasks.map((t: Body) => t.key)).toEqual(['b', 'c']);
    // "a" is gone from the list, but the participant did it: it still counts toward "2 tasks".
    const alsoTwo = state.rewards.find((r: Body) => r.key === 'also-two');
    expect(alsoTwo.requirement).toMatchObject({ tasksRequired: 2, tasksDone: 2, met: true });
    expect((await w.json('POST', `/api/campaigns/${id}/rewards/also-two/claim`, FAN, {})).body.status).toBe('issued');
    const again = await w.json('POST', `/api/campaigns/${id}/rewards/two/claim`, FAN, {});
    expect([again.body.status, again.body.grant.issuedAt]).toEqual(['already_issued', first.body.grant.issuedAt]);
    expect((await w.deps.db.select().from(schema.grants)).filter((g) => g.participantId !== 0)).toHaveLength(2);
    expect((await w.json('POST', `/api/campaigns/${id}/tasks/a/start`, FAN, {})).status).toBe(404);

    const revisions = await w.json('GET', `/api/admin/campaigns/${id}/revisions`, EDITOR);
    expect(revisions.body.revisions.map((r: Body) => r.number)).toEqual([2, 1]);
    const one = await w.json('GET', `/api/admin/campaigns/${id}/revisions/1`, EDITOR);
    expect(one.body.tasks.map((t: Body) => t.key)).toEqual(['a', 'b', 'c']);
  });

  it('item 5: a removed reward is no longer shown or claimable, and the grants of it stay in "my prizes"', async () => {
    w = await createOfficeWorld();
    const doc = await live('tasks-reward', {
      tasks: [visit('a', 1)],
      rewards: [prize('gift', { tasks: 1 }), prize('other', { tasks: 1 })],
      pools: [],
    });
    await w.json('POST', `/api/campaigns/${doc.id}/open`, FAN, {});
    await doTask(doc.id, FAN, 'a');
    expect((await w.json('POST', `/api/campaigns/${doc.id}/rewards/gift/claim`, FAN, {})).body.status).toBe('issued');
    const revised = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, {
      ...doc,
      rewards: [prize('other', { tasks: 1 })],
    });
    expect(revised.status).toBe(200);
    await w.json('POST', `/api/campaigns/${doc.id}/open`, LATECOMER, {});
    await doTask(doc.id, LATECOMER, 'a');
    const refused = await w.json('POST', `/api/campaigns/${doc.id}/rewards/gift/claim`, LATECOMER, {});
    expect([refused.status, refused.body.error.code]).toEqual([404, 'reward_not_found']);
    const state = (await w.json('GET', `/api/campaigns/${doc.id}/state`, FAN)).body;
    expect(state.rewards.map((r: Body) => r.key)).toEqual(['other']);
    const prizes = (await w.json('GET', `/api/campaigns/${doc.id}/prizes`, FAN)).body.prizes;
    expect(prizes.map((p: Body) => p.rewardKey)).toEqual(['gift']);
  });

  it('item 5: changed odds apply to new plays only; what an earlier spin won stays won', async () => {
    w = await createOfficeWorld();
    w.deps.random = seededRandom(7);
    const sure = (weight: number) => prize('bag', { wheel: true }, { weight, stock: 5 });
    const wheel = (loseWeight: number) => ({
      dailyFreeAttempts: 1,
      dailyAttemptLimit: 3,
      resetHour: 0,
      loseWeight,
      loseLabel: { ru: 'Мимо', en: 'Miss' },
    });
    const doc = await live('wheel-instant', {
      settings: { wheel: wheel(0) },
      tasks: [],
      rewards: [sure(1)],
      pools: [],
    });
    await w.json('POST', `/api/campaigns/${doc.id}/open`, FAN, {});
    const won = await w.json('POST', `/api/campaigns/${doc.id}/wheel/spin`, FAN, {});
    expect(won.body.outcome).toBe('win');

    const revised = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, {
      ...doc,
      settings: { wheel: wheel(1) },
      rewards: [sure(0)],
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    await w.json('POST', `/api/campaigns/${doc.id}/open`, LATECOMER, {});
    const lost = await w.json('POST', `/api/campaigns/${doc.id}/wheel/spin`, LATECOMER, {});
    expect([lost.body.outcome, lost.body.sectors.map((s: Body) => s.key)]).toEqual(['lose', ['lose']]);
    const prizes = (await w.json('GET', `/api/campaigns/${doc.id}/prizes`, FAN)).body.prizes;
    expect(prizes.map((p: Body) => p.rewardKey)).toEqual(['bag']);
    const attempts = await w.deps.db.select().from(schema.wheelAttempts);
    expect(attempts.map((a) => a.rewardId !== null)).toEqual([true, false]);
  });
});
