/**
 * Decision 093: a notification carries its app (`outbox.vk_app_id`, its campaign's app's VK id) from when it is
 * written, so the app's sender run finds it by index. A campaign moved to another of its brand's apps in the editor
 * takes its notifications still waiting along (queued or claimed), as the app was looked up at each claim before;
 * one already sent keeps the app it went out with. Real HTTP save (PUT /api/admin/campaigns/:id), real `enqueue`.
 */
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import { enqueue } from '../../mailing/outbox.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

it('a campaign moved to another app takes its waiting notifications along; a sent one keeps its app', async () => {
  w = await createOfficeWorld();
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  expect(created.status).toBe(201);
  const id: number = created.body.id;
  const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
  const [before, after] = await w.write(async (tx) =>
    tx
      .insert(schema.apps)
      .values([
        { brandId: w.brandId, name: 'first', vkAppId: 51_000_701 },
        { brandId: w.brandId, name: 'second', vkAppId: 51_000_702 },
      ])
      .returning(),
  );
  expect((await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, { ...doc, appId: before?.id })).status).toBe(200);

  const now = w.clock.now;
  const row = (key: string) => ({
    dedupeKey: key,
    kind: 'broadcast' as const,
    campaignId: id,
    vkGroupId: 1,
    vkUserId: key.length,
    channel: 'notification' as const,
    text: key,
  });
  await inTransaction(w.deps.db, (tx) => enqueue(tx, [row('queued'), row('sending'), row('sent-one')], now));
  await w.write((tx) =>
    tx.update(schema.outbox).set({ status: 'sending', claimedAt: now }).where(eq(schema.outbox.dedupeKey, 'sending')),
  );
  await w.write((tx) =>
    tx.update(schema.outbox).set({ status: 'sent', sentAt: now }).where(eq(schema.outbox.dedupeKey, 'sent-one')),
  );
  const apps = async () =>
    Object.fromEntries(
      (await w.deps.db.select().from(schema.outbox)).map((r) => [
        r.dedupeKey,
        r.vkAppId === null ? null : Number(r.vkAppId),
      ]),
    );
  expect(await apps()).toEqual({ queued: 51_000_701, sending: 51_000_701, 'sent-one': 51_000_701 });

  const reread = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
  const moved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, { ...reread, appId: after?.id });
  expect(moved.status, JSON.stringify(moved.body).slice(0, 300)).toBe(200);
  expect(await apps()).toEqual({ queued: 51_000_702, sending: 51_000_702, 'sent-one': 51_000_701 });
});
