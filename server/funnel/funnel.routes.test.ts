/** The funnel report's query as the OpenAPI document describes it. */
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { inTransaction } from '../db/transactions.ts';
import { recordEvent } from './record-event.ts';

const ADMIN = 900_001;
const HOUR = 3_600_000;

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld();
  await grantBrandAdmin(w, ADMIN, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

describe('funnel report route', () => {
  it('item 18: `from` and `to` are optional, as documented: campaign start to now', async () => {
    const at = w.clock.now - 48 * HOUR;
    for (const participantId of await w.addParticipants({ count: 3, firstUserId: 70_000, reachedAt: at })) {
      await w.write((tx) => recordEvent(tx, { campaignId: w.campaignId, participantId, type: 'opened', at }));
    }
    const app = createApp(w.deps);
    const get = async (query: string) => {
      const res = await app.request(`/api/admin/funnel/campaigns/${w.campaignId}/report${query}`, {
        headers: { Authorization: w.vkAuth(ADMIN) },
      });
      return { status: res.status, body: await res.json() };
    };
    const doc = await (await app.request('/api/openapi.json')).json();
    const params = doc.paths['/api/admin/funnel/campaigns/{id}/report'].get.parameters;
    expect(params.find((p: { name: string }) => p.name === 'from').required).toBeFalsy();
    const bare = await get('');
    expect(bare.status).toBe(200);
    expect(bare.body.to).toBe(w.clock.now + 1);
    expect(bare.body.from).toBe(w.clock.now - 30 * 24 * HOUR); // the campaign's start
    expect(bare.body.stages[0]).toMatchObject({ stage: 'opened', count: 3 });
    const explicit = await get(`?from=${bare.body.from}&to=${bare.body.to}`);
    expect(explicit.body.stages).toEqual(bare.body.stages);
    expect((await get('?from=abc')).status).toBe(422);
  });
});

describe('funnel report broken down', () => {
  /** People who opened 48 h ago from `source`, `done` of them also did the task, `rewarded` of those got the reward. */
  async function cohort(firstUserId: number, n: number, source: string | undefined, done: number, rewarded: number) {
    const at = w.clock.now - 48 * HOUR;
    const ids = await w.addParticipants({ count: n, firstUserId, reachedAt: at, source });
    for (const [i, participantId] of ids.entries()) {
      const steps = ['opened', ...(i < done ? ['task_done'] : []), ...(i < rewarded ? ['reward_issued'] : [])];
      for (const [k, type] of steps.entries()) {
        await w.write((tx) => recordEvent(tx, { campaignId: w.campaignId, participantId, type, at: at + k * HOUR }));
      }
    }
    return ids;
  }
  const report = async (query: string, user = ADMIN) => {
    const res = await createApp(w.deps).request(`/api/admin/funnel/campaigns/${w.campaignId}/report${query}`, {
      headers: { Authorization: w.vkAuth(user) },
    });
    return { status: res.status, body: await res.json() };
  };
  const counts = (b: { value: string; stages: { count: number }[] }[]) =>
    b.map((g) => [g.value, g.stages.map((s) => s.count)]);

  it('by launch source: each person in exactly one group, the groups adding up to the whole funnel', async () => {
    await cohort(72_000, 4, 'catalog_recommendation', 2, 1);
    await cohort(72_100, 3, 'group_menu', 3, 3);
    await cohort(72_200, 2, undefined, 0, 0);
    const { status, body } = await report('?breakdown=source');
    expect(status).toBe(200);
    expect(counts(body.breakdown)).toEqual([
      ['catalog_recommendation', [4, 2, 1]],
      ['group_menu', [3, 3, 3]],
      ['(none)', [2, 0, 0]],
    ]);
    const sum = [0, 1, 2].map((k) =>
      body.breakdown.reduce((a: number, g: { stages: { count: number }[] }) => a + (g.stages[k]?.count ?? 0), 0),
    );
    expect(sum).toEqual(body.stages.map((s: { count: number }) => s.count));
  });

  it("by a rule's message variant; a rule of no such campaign or without the variant breakdown is refused", async () => {
    const [a1, a2, a3] = await cohort(73_000, 3, 'menu', 3, 2);
    const [b1, b2] = await cohort(73_100, 2, 'menu', 1, 0);
    const [h1] = await cohort(73_200, 1, 'menu', 1, 1);
    await cohort(73_300, 2, 'menu', 0, 0);
    const rule = await inTransaction(w.deps.db, async (tx) =>
      inserted(
        await tx
          .insert(schema.messageRules)
          .values({
            campaignId: w.campaignId,
            name: 'Back to the task',
            stage: 'opened',
            notStage: 'task_done',
            minHours: 1,
            variants: [
              { key: 'A', text: 'a' },
              { key: 'B', text: 'b' },
            ],
            holdoutPercent: 10,
          })
          .returning(),
      ),
    );
    const sent: Array<[number | undefined, string, 'sent' | 'holdout']> = [
      [a1, 'A', 'sent'],
      [a2, 'A', 'sent'],
      [a3, 'A', 'sent'],
      [b1, 'B', 'sent'],
      [b2, 'B', 'sent'],
      [h1, 'holdout', 'holdout'],
    ];
    for (const [pid, variant, status] of sent) {
      await inTransaction(w.deps.db, (tx) =>
        tx.insert(schema.outbox).values({
          dedupeKey: `rule:${rule.id}:${pid}`,
          kind: 'rule',
          ruleId: rule.id,
          campaignId: w.campaignId,
          participantId: pid as number,
          vkGroupId: 1,
          vkUserId: pid as number,
          channel: 'message',
          variant,
          text: variant,
          contentKey: variant,
          randomId: pid as number,
          status,
          nextAttemptAt: 0,
          createdAt: 0,
          updatedAt: 0,
        }),
      );
    }
    const { status, body } = await report(`?breakdown=variant&ruleId=${rule.id}`);
    expect(status).toBe(200);
    expect(counts(body.breakdown)).toEqual([
      ['A', [3, 3, 2]],
      ['B', [2, 1, 0]],
      ['no_message', [2, 0, 0]],
      ['holdout', [1, 1, 1]],
    ]);
    const elsewhere = await report(`?breakdown=variant&ruleId=${rule.id + 1000}`);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toMatchObject({ code: 'unknown_rule', issues: [{ path: 'ruleId' }] });
    const alone = await report(`?breakdown=source&ruleId=${rule.id}`);
    expect(alone.status).toBe(422);
    expect(alone.body.error.code).toBe('rule_without_variants');
  });

  it("follows the statistics page's platform and period: only that platform's people who entered in [from, to)", async () => {
    await cohort(74_000, 3, 'group_menu', 2, 1);
    const ok = await cohort(74_100, 2, 'catalog_recommendation', 1, 1);
    await w.write((tx) =>
      tx.update(schema.participants).set({ platform: 'ok' }).where(inArray(schema.participants.id, ok)),
    );
    // An OK participant who entered ten days ago: outside a period of the last three days.
    const at = w.clock.now - 240 * HOUR;
    const [early] = await w.addParticipants({ count: 1, firstUserId: 74_200, reachedAt: at, source: 'group_menu' });
    await w.write((tx) =>
      tx
        .update(schema.participants)
        .set({ platform: 'ok' })
        .where(eq(schema.participants.id, early as number)),
    );
    await w.write((tx) =>
      recordEvent(tx, { campaignId: w.campaignId, participantId: early as number, type: 'opened', at }),
    );

    const all = await report('?breakdown=source');
    expect(counts(all.body.breakdown)).toEqual([
      ['group_menu', [4, 2, 1]],
      ['catalog_recommendation', [2, 1, 1]],
    ]);
    const onOk = await report('?breakdown=source&platform=ok');
    expect(onOk.status).toBe(200);
    expect(counts(onOk.body.breakdown)).toEqual([
      ['catalog_recommendation', [2, 1, 1]],
      ['group_menu', [1, 0, 0]],
    ]);
    expect(onOk.body.stages.map((st: { count: number }) => st.count)).toEqual([3, 1, 1]);
    const from = w.clock.now - 72 * HOUR;
    const recent = await report(`?breakdown=source&platform=ok&from=${from}&to=${w.clock.now + 1}`);
    expect(counts(recent.body.breakdown)).toEqual([['catalog_recommendation', [2, 1, 1]]]);
    expect((await report('?breakdown=source&platform=vk')).body.stages[0].count).toBe(3);

    const bad = await report('?breakdown=source&platform=max');
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'platform' })]);
  });

  it('refuses a member without `stats`', async () => {
    await grantBrandAdmin(w, ADMIN + 1, ['team']);
    const { status, body } = await report('?breakdown=source', ADMIN + 1);
    expect(status).toBe(403);
    expect(body.error.code).toBeTruthy();
  });
});

describe('stuck list route', () => {
  it('names each person with the profile address the office links (VK: vk.com/id…), as every office answer does', async () => {
    await w.addParticipants({ count: 2, firstUserId: 71_000, reachedAt: w.clock.now - 30 * HOUR, source: 'menu' });
    const res = await createApp(w.deps).request(
      `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24`,
      { headers: { Authorization: w.vkAuth(ADMIN) } },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; rows: { userId: string; profileUrl: string | null }[] };
    expect(body.total).toBe(2);
    expect(body.rows.map((r) => [r.userId, r.profileUrl])).toEqual([
      ['71000', 'https://vk.com/id71000'],
      ['71001', 'https://vk.com/id71001'],
    ]);
  });
});
