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

  it("item 1: every entry names its agency: a brand row its brand's, an agency-level row the one it is given", async () => {
    w = await createPromoWorld();
    const db = w.deps.db;
    const base = { actor, section: 'agency' as const, entity: 'agency', entityId: 1 };
    await inTransaction(db, async (tx) => {
      await recordAudit(tx, { ...base, brandId: w.brandId, action: 'brand.rename' });
      await recordAudit(tx, { ...base, brandId: null, agencyId: w.agencyId, action: 'agency.update_settings' });
    });
    const rows = await db.select().from(schema.officeAudit);
    expect(rows.map((r) => [r.action, r.brandId, r.agencyId]).sort()).toEqual([
      ['agency.update_settings', null, w.agencyId],
      ['brand.rename', w.brandId, w.agencyId],
    ]);
  });
});
