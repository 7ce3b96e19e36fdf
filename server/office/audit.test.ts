/** The audit log commits and rolls back with the change it describes. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Identity } from '../auth/identity.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { recordAudit } from './audit.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const actor: Identity = { platform: 'vk', userId: '7', appId: '1', language: 'ru', platformDetail: 'test' };

describe('office audit log', () => {
  it('keeps an entry with its change and drops it when the change rolls back', async () => {
    w = await createPromoWorld();
    const db = w.deps.db;
    const entry = { actor, brandId: w.brandId, section: 'campaigns' as const, entity: 'campaign', entityId: 1 };
    await inTransaction(db, (tx) => recordAudit(tx, { ...entry, action: 'campaign.kept', after: { title: 'A' } }));
    await expect(
      inTransaction(db, async (tx) => {
        await recordAudit(tx, { ...entry, action: 'campaign.rolled_back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await db.select().from(schema.officeAudit).where(eq(schema.officeAudit.brandId, w.brandId));
    expect(rows.map((r) => r.action)).toEqual(['campaign.kept']);
    expect(rows[0]).toMatchObject({ actorPlatform: 'vk', actorUserId: '7', entityId: '1', after: { title: 'A' } });
  });
});
