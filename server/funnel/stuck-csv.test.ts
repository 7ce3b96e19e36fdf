/** The stuck list as CSV, fed by what participants' launches carried (issue 11, item 6). */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { TEST_OK_KEY } from '../../tests/support/test-deps.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { excelCsv } from '../http/testing/excel-csv.ts';

const ADMIN = 900_001;
const PAYLOAD = "=cmd|' /C calc'!A0";
let w: MessagingWorld;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['stats']);
  await w.write((tx) => tx.update(schema.apps).set({ okAppKey: TEST_OK_KEY }));
});
afterEach(async () => w.shutdown());

describe('stuck list CSV', () => {
  it("item 6: OK's unsigned refplace is not stored as the participant's source", async () => {
    const res = await app.request(`/api/campaigns/${w.campaignId}/open`, {
      method: 'POST',
      headers: { Authorization: w.okAuth('575', { refplace: PAYLOAD }), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const row = (
      await w.deps.db.select().from(schema.participants).where(eq(schema.participants.platform, 'ok')).limit(1)
    )[0];
    expect(row?.source).toBeNull();
  });

  it('item 6: a stored source that looks like a formula leaves the export as text', async () => {
    await w.addParticipants({
      count: 1,
      firstUserId: 70_000,
      reachedAt: w.clock.now - 48 * 3_600_000,
      source: PAYLOAD,
    });
    const res = await app.request(
      `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24&format=csv`,
      { headers: { Authorization: w.vkAuth(ADMIN) } },
    );
    const { bom, text, rows } = await excelCsv(res);
    // For Russian Excel (decision 060): a BOM, or it reads the UTF-8 as Windows-1251; `;`, or it opens one column.
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([
      'participant_id',
      'platform',
      'user_id',
      'stage',
      'stage_reached_at',
      'hours_stuck',
      'source',
    ]);
    expect(rows[1]?.at(-1)).toBe(`'=cmd|' /C calc'!A0`);
    expect(text.split('\r\n')[1]).toMatch(/;"'=cmd\|' \/C calc'!A0"$/);
  });
});
