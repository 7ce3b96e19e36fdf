/**
 * The office's draw routes: who may use them, verifying a pick against VK (the fake VK API), the winners CSV
 * (formula-safe) and the announcement through the outbox (consent only, exactly once).
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../../tests/fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../../../tests/support/test-deps.ts';
import { schema } from '../../db/client.ts';
import { excelCsv } from '../../http/testing/excel-csv.ts';
import { GROUP_ID } from '../testing/promo-world.ts';
import { ADMIN, createDrawWorld, type DrawWorld } from './testing/draw-world.ts';

let w: DrawWorld;
let fake: FakeVkApi;
beforeAll(async () => {
  fake = await startFakeVkApi();
});
afterAll(async () => fake.close());
afterEach(async () => {
  w?.close();
  fake.reset();
});

interface OfficeDraw {
  status: string;
  seed: string | null;
  picks: { id: number; userId: string; role: string; standing: boolean }[];
}

async function drawn(winners = 2, reserves = 1): Promise<OfficeDraw> {
  w = await createDrawWorld({
    winners,
    reserves,
    env: {
      VK_API_BASE_URL: fake.url,
      VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
      VK_GROUP_ID: String(GROUP_ID),
      VK_GROUP_TOKEN: `group:${GROUP_ID}`,
    },
  });
  for (let i = 1; i <= 5; i += 1) await w.entrant(100 + i);
  await w.goLive();
  w.clock.set(w.drawAt);
  const res = await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`);
  expect(res.status).toBe(200);
  return (await res.json()) as OfficeDraw;
}

describe('office draw routes: who may use them', () => {
  it('item 6: refused without `prizes` rights (403) or for a campaign that does not exist (404); allowed with them', async () => {
    w = await createDrawWorld();
    await w.goLive();
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: '77',
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['campaigns'],
      }),
    );
    const base = `/api/admin/campaigns/${w.campaignId}/draw`;
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', base],
      ['POST', `${base}/picks/1/verify`],
      ['POST', `${base}/picks/1/repick`, { reason: 'Left the community' }],
      ['GET', `${base}/winners.csv`],
      ['POST', `${base}/announce`],
    ];
    for (const [method, path, body] of routes) {
      expect((await w.call(method, path, 1, body)).status, `participant ${method} ${path}`).toBe(404);
      expect((await w.call(method, path, 77, body)).status, `campaigns-only ${method} ${path}`).toBe(403);
      const missing = path.replace(`/campaigns/${w.campaignId}/`, '/campaigns/999999/');
      expect((await w.admin(method, missing, body)).status, `missing ${method} ${path}`).toBe(404);
    }
    const view = await w.admin('GET', base);
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ status: 'committed', seed: null, entryCount: 0, canDraw: false });
    expect(await w.deps.db.select().from(schema.draws)).toHaveLength(1); // nothing refused wrote anything
    expect(await w.deps.db.select().from(schema.officeAudit)).toHaveLength(0);
  });

  it('a draw whose required task is gone is refused with the missing task named (409 draw_misconfigured)', async () => {
    w = await createDrawWorld();
    await w.goLive();
    await w.write((tx) => tx.delete(schema.tasks).where(eq(schema.tasks.key, 'share')));
    w.clock.set(w.drawAt);
    const res = await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`);
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe('draw_misconfigured');
    expect(error.issues).toEqual([
      { path: 'requiredTaskKeys', code: 'missing_task', params: { task: 'share' }, message: expect.any(String) },
    ]);
  });

  it('item 4: the office draw view carries the campaign time zone, in which the office shows its times', async () => {
    w = await createDrawWorld();
    await w.goLive();
    const [campaign] = await w.deps.db.select().from(schema.campaigns);
    const view = await w.admin('GET', `/api/admin/campaigns/${w.campaignId}/draw`);
    expect(((await view.json()) as { timeZone: string }).timeZone).toBe(campaign?.timeZone);
  });

  it('item 6: a participant cannot see the draw of a campaign not open to them', async () => {
    w = await createDrawWorld();
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'draft' }));
    expect((await w.call('GET', `/api/campaigns/${w.campaignId}/draw`, 1)).status).toBe(404);
  });
});

describe('verify, export, announce', () => {
  it('item 4: verify asks VK now (groups.isMember, messages allowed) and stores the outcome on the pick, audited', async () => {
    const draw = await drawn();
    const [winner] = draw.picks;
    if (!winner) throw new Error('no winner');
    const user = Number(winner.userId);
    fake.addMember(GROUP_ID, user);
    const path = `/api/admin/campaigns/${w.campaignId}/draw/picks/${winner.id}/verify`;
    const failed = await w.admin('POST', path);
    expect(failed.status).toBe(200);
    expect(await failed.json()).toMatchObject({
      ok: false,
      checks: [
        { taskKey: 'join', ok: true, source: 'vk' },
        { taskKey: 'msgs', ok: false, source: 'vk' },
        { taskKey: 'share', ok: true, source: 'record' },
      ],
    });
    fake.allowMessages(GROUP_ID, user);
    expect(await (await w.admin('POST', path)).json()).toMatchObject({ ok: true });
    expect(fake.calls.filter((c) => c.method === 'groups.isMember')).toHaveLength(2);
    const [row] = await w.deps.db.select().from(schema.drawPicks).where(eq(schema.drawPicks.id, winner.id));
    expect(row?.verification).toMatchObject({ ok: true });
    const audit = await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'draw.verify'));
    expect(audit).toHaveLength(2);

    fake.failNext('groups.isMember', 10);
    const down = await w.admin('POST', path);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('vk_unavailable');
  });

  it('item 4: the winners CSV neutralises a formula in a re-pick reason', async () => {
    const draw = await drawn();
    const [winner] = draw.picks;
    if (!winner) throw new Error('no winner');
    await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw/picks/${winner.id}/repick`, {
      reason: '=HYPERLINK("http://evil")',
    });
    const res = await w.admin('GET', `/api/admin/campaigns/${w.campaignId}/draw/winners.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const { bom, text: csv } = await excelCsv(res);
    expect(bom).toBe(true); // Russian Excel reads a UTF-8 file without it as Windows-1251 (decision 060)
    const lines = csv.trimEnd().split('\r\n');
    // In the office's words (decision 076), as its draw screen names a platform; red before: the code headers and
    // `winner;no;…;vk`.
    expect(lines[0]).toBe(
      '№;Роль;Действует (не заменён);Запись;Хеш записи;Платформа;ID пользователя;Условия выполнены;Причина замены;Сообщение отправлено',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`;ВКонтакте;${winner.userId};`);
    expect(lines[1]).toMatch(/^1;Победитель;Нет;/);
    expect(lines[1]).toMatch(/;Нет$/);
    // An English office: its words and English Excel's separator (decision 075).
    const english = await w.app.request(`/api/admin/campaigns/${w.campaignId}/draw/winners.csv`, {
      headers: { Authorization: w.vkAuth(ADMIN, { vk_language: 'en' }) },
    });
    const en = await excelCsv(english, 'en');
    expect(en.rows[0]).toEqual([
      '#',
      'Role',
      'Standing (not replaced)',
      'Entry',
      'Entry hash',
      'Platform',
      'User ID',
      'Conditions met',
      'Reason for the replacement',
      'Message sent',
    ]);
    expect(en.rows[1]?.slice(0, 3)).toEqual(['1', 'Winner', 'No']);
    expect(new Set(en.rows.slice(1).map((r) => r[1]))).toEqual(new Set(['Winner']));
    expect(en.rows[1]?.[5]).toBe('VK');
  });

  it('item 4: announce writes one outbox message per standing winner with consent, exactly once', async () => {
    const draw = await drawn(2, 0);
    const [a, b] = draw.picks;
    if (!a || !b) throw new Error('two winners expected');
    await w.write((tx) =>
      tx.insert(schema.consents).values({
        vkGroupId: GROUP_ID,
        vkUserId: Number(a.userId),
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: w.clock.now,
      }),
    );
    const path = `/api/admin/campaigns/${w.campaignId}/draw/announce`;
    const [first, concurrent] = await Promise.all([w.admin('POST', path), w.admin('POST', path)]);
    const answers = [await first.json(), await concurrent.json()] as { queued: number }[];
    expect(answers.map((x) => x.queued).sort()).toEqual([0, 1]);
    expect(answers).toContainEqual({ queued: 1, withoutConsent: 1, otherPlatform: 0, alreadyAnnounced: 0 });
    const rows = await w.deps.db.select().from(schema.outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ vkUserId: Number(a.userId), vkGroupId: GROUP_ID, status: 'queued' });
    expect(rows[0]?.text).toContain('Поздравляем');
    // The other winner allows messages later: a new call reaches them only.
    await w.write((tx) =>
      tx.insert(schema.consents).values({
        vkGroupId: GROUP_ID,
        vkUserId: Number(b.userId),
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: w.clock.now,
      }),
    );
    expect(await (await w.admin('POST', path)).json()).toEqual({
      queued: 1,
      withoutConsent: 0,
      otherPlatform: 0,
      alreadyAnnounced: 1,
    });
    expect(await w.deps.db.select().from(schema.outbox)).toHaveLength(2);
  });
});

describe('office draw routes: the winner cell', () => {
  it("item 2: each VK pick carries the profile's address, vk.com/id<its id>", async () => {
    const draw = await drawn();
    expect(draw.picks.length).toBeGreaterThan(0);
    for (const pick of draw.picks as (OfficeDraw['picks'][number] & { profileUrl: string | null })[])
      expect(pick.profileUrl).toBe(`https://vk.com/id${pick.userId}`);
  });
});
