/**
 * Launches carrying user or community ids no platform issues, or a launch source longer than any platform sends, sent
 * to the real HTTP app with a valid signature (as anyone holding a secret, or a platform bug, could). Before, a VK id
 * of 16 digits above 2^53 was taken and became another number in the outbox and consents (precision lost), OK and
 * Telegram ids of any size were taken, and a signed `vk_ref` / `start_param` of any length was stored with the
 * participant. Now each id is bounded to what its platform issues (decision 074) and refused with a 401 `malformed`
 * naming the field; a source over 512 characters is not stored.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(() => w?.close());

async function open(auth: string, campaignId: number) {
  const res = await w.app.request(`/api/campaigns/${campaignId}/open`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, code: body.error?.code, message: body.error?.message };
}

const tmaUser = (id: string) => ({ user: `{"id":${id},"first_name":"T","language_code":"en"}` });

describe('launch ids bounded to what each platform issues', () => {
  it('VK: vk_user_id and vk_group_id up to 2^53 − 1 are taken; above, a 401 naming the field', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    expect((await open(w.vkAuth('9007199254740991'), id)).status).toBe(200);
    for (const big of ['9007199254740993', '9999999999999999', '12345678901234567890']) {
      expect(await open(w.vkAuth(big), id), big).toMatchObject({ status: 401, code: 'malformed' });
      expect((await open(w.vkAuth(big), id)).message).toMatch(/vk_user_id/);
      const group = await open(w.vkAuth(7, { vk_group_id: big, vk_viewer_group_role: 'admin' }), id);
      expect(group, big).toMatchObject({ status: 401, code: 'malformed' });
      expect(group.message).toMatch(/vk_group_id/);
    }
    const participants = await w.deps.db.select().from(schema.participants);
    expect(participants.map((p) => p.platformUserId)).toEqual(['9007199254740991']);
  });

  it('Telegram: user.id below 2^52 is taken; 2^52 and above, a 401 naming user.id', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    expect((await open(w.tmaAuth(1, tmaUser('4503599627370495')), id)).status).toBe(200);
    for (const big of ['4503599627370496', '9007199254740991', '99999999999999999999']) {
      const answer = await open(w.tmaAuth(1, tmaUser(big)), id);
      expect(answer, big).toMatchObject({ status: 401, code: 'malformed' });
      expect(answer.message).toMatch(/user\.id/);
    }
  });

  it('OK: logged_user_id up to 2^63 − 1 is taken; above, a 401 naming logged_user_id', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    expect((await open(w.okAuth('9223372036854775807'), id)).status).toBe(200);
    const answer = await open(w.okAuth('9223372036854775808'), id);
    expect(answer).toMatchObject({ status: 401, code: 'malformed' });
    expect(answer.message).toMatch(/logged_user_id/);
  });

  it('a signed vk_ref or start_param is stored up to 512 characters; a longer one is not stored', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const at = 'a'.repeat(512);
    const over = 'b'.repeat(513);
    expect((await open(w.vkAuth(11, { vk_ref: at }), id)).status).toBe(200);
    expect((await open(w.vkAuth(12, { vk_ref: over }), id)).status).toBe(200);
    expect((await open(w.tmaAuth(13, { start_param: at }), id)).status).toBe(200);
    expect((await open(w.tmaAuth(14, { start_param: over }), id)).status).toBe(200);
    const source = async (user: string) =>
      (
        await w.deps.db
          .select({ source: schema.participants.source })
          .from(schema.participants)
          .where(eq(schema.participants.platformUserId, user))
      )[0]?.source;
    expect([await source('11'), await source('12'), await source('13'), await source('14')]).toEqual([
      at,
      null,
      at,
      null,
    ]);
  });
});

describe('the client detail a launch carries (vk_platform, OK mob_platform), echoed by /api/me', () => {
  const me = async (auth: string) => {
    const res = await w.app.request('/api/me', { headers: { Authorization: auth } });
    return { status: res.status, detail: ((await res.json()) as { platformDetail?: string }).platformDetail };
  };

  it('a documented or plausible new value is kept; a long or odd one does not break the launch and is not echoed', async () => {
    // Before: a signed vk_platform of 7,000 characters (or with markup) came back whole from /api/me.
    w = await createPromoWorld();
    for (const kept of ['mobile_iphone', 'desktop_web_messenger', 'android', 'mobile_vision_pro']) {
      expect(await me(w.vkAuth(7, { vk_platform: kept })), kept).toEqual({ status: 200, detail: kept });
    }
    for (const odd of ['x'.repeat(7000), 'a'.repeat(33), '<img src=x onerror=alert(1)>', 'mobile web', '']) {
      expect(await me(w.vkAuth(7, { vk_platform: odd })), odd.slice(0, 40)).toEqual({ status: 200, detail: 'unknown' });
    }
    expect(await me(w.vkAuth(7))).toEqual({ status: 200, detail: 'mobile_android' });
  });

  it('OK: mob_platform the same way; absent, mobile or web as before', async () => {
    w = await createPromoWorld();
    expect(await me(w.okAuth('9001', { mob_platform: 'iosweb' }))).toEqual({ status: 200, detail: 'iosweb' });
    expect(await me(w.okAuth('9001', { mob_platform: 'y'.repeat(7000) }))).toEqual({ status: 200, detail: 'unknown' });
    expect(await me(w.okAuth('9001', { mob: 'true' }))).toEqual({ status: 200, detail: 'mobile' });
    expect(await me(w.okAuth('9001'))).toEqual({ status: 200, detail: 'web' });
  });
});
