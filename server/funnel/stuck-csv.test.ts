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

  it("a task's stage is named by the task's title in the office's language, not 'Task quiz1'", async () => {
    // Red before: the stuck list carried no task titles, so the stage read "Task quiz1" in both languages.
    await w.write(async (tx) => {
      await tx
        .update(schema.campaigns)
        .set({ stages: ['opened', 'task:quiz1', 'task:gone'] })
        .where(eq(schema.campaigns.id, w.campaignId));
      await tx.insert(schema.tasks).values({
        campaignId: w.campaignId,
        key: 'quiz1',
        kind: 'join_community',
        title: 'Викторина о бренде',
        translations: { en: { title: 'Brand quiz' } },
      });
    });
    const reachedAt = w.clock.now - 48 * 3_600_000;
    await w.addParticipants({ count: 1, firstUserId: 71_000, reachedAt, stage: 'task:quiz1' });
    await w.addParticipants({ count: 1, firstUserId: 72_000, reachedAt, stage: 'task:gone' });
    const stageCell = async (stage: string, language: 'ru' | 'en') => {
      const res = await app.request(
        `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=${encodeURIComponent(stage)}&minHours=24&format=csv`,
        { headers: { Authorization: w.vkAuth(ADMIN, { vk_language: language }) } },
      );
      expect(res.status).toBe(200);
      return (await excelCsv(res, language)).rows[1]?.[3];
    };
    expect(await stageCell('task:quiz1', 'ru')).toBe('Задание «Викторина о бренде»');
    expect(await stageCell('task:quiz1', 'en')).toBe('Task “Brand quiz”');
    // A key no task has any more stays readable as the key.
    expect(await stageCell('task:gone', 'en')).toBe('Task gone');
  });
});
