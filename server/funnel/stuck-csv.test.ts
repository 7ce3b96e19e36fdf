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
    // In the office's words (decision 076), the platform and the stage as its screens name them; red before: the
    // column codes, `vk` and `opened`.
    expect(rows[0]).toEqual([
      'ID участника',
      'Платформа',
      'ID пользователя',
      'Этап',
      'Этап достигнут (UTC)',
      'Часов на этапе',
      'Источник',
    ]);
    expect(rows[1]?.slice(1, 4)).toEqual(['ВКонтакте', '70000', 'Открыли акцию']);
    expect(rows[1]?.at(-1)).toBe(`'=cmd|' /C calc'!A0`);
    expect(text.split('\r\n')[1]).toMatch(/;"'=cmd\|' \/C calc'!A0"$/);
    // An English office: its words, at English Excel's separator (decision 075).
    const english = await app.request(
      `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24&format=csv`,
      { headers: { Authorization: w.vkAuth(ADMIN, { vk_language: 'en' }) } },
    );
    const en = await excelCsv(english, 'en');
    expect(en.rows[0]).toEqual([
      'Participant ID',
      'Platform',
      'User ID',
      'Stage',
      'Stage reached (UTC)',
      'Hours at the stage',
      'Source',
    ]);
    expect(en.rows[1]?.slice(1, 4)).toEqual(['VK', '70000', 'Opened the campaign']);
  });
});
