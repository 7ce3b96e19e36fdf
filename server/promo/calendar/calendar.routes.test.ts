/** The prize calendar's office routes: who may use them, and what each does (audited). */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { windows1251 } from '../../http/testing/windows-1251.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld } from '../testing/promo-world.ts';
import { MAX_MOMENTS_PER_GENERATION } from './moment-slots.ts';

const ADMIN = 501;
const CAMPAIGNS_ONLY = 502;
const OTHER_BRAND = 503;
const START = Date.UTC(2026, 4, 31, 21); // 1 June 00:00 Moscow
let w: PromoWorld;
afterEach(async () => w.close());

async function setup() {
  w = await createPromoWorld({}, START);
  const id = await w.campaign({
    mechanic: 'code',
    startsAt: START,
    endsAt: START + 10 * DAY,
    settings: { instantWin: { mode: 'calendar' }, packCode: { poolKey: 'packs' } },
  });
  await w.reward(id, 'mug', { unlock: { code: true } });
  await w.reward(id, 'cap', { unlock: { code: true } });
  await w.reward(id, 'welcome', { unlock: { tasks: 0 } });
  const otherBrand = await w.write(async (tx) => {
    const [b] = await tx
      .insert(schema.brands)
      .values({ agencyId: w.agencyId, name: 'Other' })
      .returning({ id: schema.brands.id });
    return b?.id as number;
  });
  await w.write(async (tx) => {
    const member = (platformUserId: number, brandId: number, sections: string[]) => ({
      platform: 'vk' as const,
      platformUserId: String(platformUserId),
      agencyId: w.agencyId,
      brandId,
      role: 'brand_admin' as const,
      sections,
    });
    await tx
      .insert(schema.memberships)
      .values([
        member(ADMIN, w.brandId, ['prizes']),
        member(CAMPAIGNS_ONLY, w.brandId, ['campaigns']),
        member(OTHER_BRAND, otherBrand, ['prizes', 'campaigns']),
      ]);
  });
  return id;
}

const generate = (id: number, user: number, body: unknown) =>
  w.call('POST', `/api/admin/campaigns/${id}/calendar/generate`, user, body);

describe('prize calendar admin routes', () => {
  it('item 4: only a member with prizes rights may read or change the calendar (403 member, 404 stranger or missing, 401 anonymous)', async () => {
    const id = await setup();
    const body = { mode: 'per_day', rewards: [{ rewardKey: 'mug', count: 1 }] };
    expect((await generate(id, ADMIN, body)).status).toBe(201);
    expect((await w.call('GET', `/api/admin/campaigns/${id}/calendar`, ADMIN)).status).toBe(200);
    for (const [user, status] of [
      [CAMPAIGNS_ONLY, 403],
      [OTHER_BRAND, 404],
      [9999, 404],
    ] as const) {
      expect((await w.call('GET', `/api/admin/campaigns/${id}/calendar`, user)).status).toBe(status);
      expect((await generate(id, user, body)).status).toBe(status);
      const imported = await w.call('POST', `/api/admin/campaigns/${id}/calendar/import`, user, {
        csv: 'mug,2026-06-02T12:00:00+03:00',
      });
      expect(imported.status).toBe(status);
      expect((await w.call('DELETE', `/api/admin/campaigns/${id}/calendar/moments`, user)).status).toBe(status);
    }
    expect((await w.call('GET', `/api/admin/campaigns/${id + 100}/calendar`, ADMIN)).status).toBe(404);
    const anonymous = await w.app.request(`/api/admin/campaigns/${id}/calendar`);
    expect(anonymous.status).toBe(401);
    const moments = await w.deps.db.select().from(schema.prizeMoments);
    expect(moments).toHaveLength(10);
  });

  it('item 4: generate per day, import a CSV (bad lines by number, nothing written), list per day, delete unwon future moments; each write audited', async () => {
    const id = await setup();
    w.clock.set(START + 3 * DAY + HOUR);
    const created = await generate(id, ADMIN, { mode: 'per_day', rewards: [{ rewardKey: 'cap', count: 2 }] });
    expect(created.status).toBe(201);
    // From now (day 4) to the end: 7 local days with 2 each.
    expect((await created.json()).created).toBe(14);

    const notInstant = await generate(id, ADMIN, { mode: 'spread', rewards: [{ rewardKey: 'welcome', count: 1 }] });
    expect(notInstant.status).toBe(422);
    expect((await notInstant.json()).error.issues[0].path).toBe('rewards.0.rewardKey');
    const tooMany = await generate(id, ADMIN, { mode: 'per_hour', rewards: [{ rewardKey: 'cap', count: 10_000 }] });
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error).toMatchObject({
      code: 'too_many_moments',
      issues: [
        { path: 'rewards', code: 'moment_limit', params: { planned: 1_670_000, max: MAX_MOMENTS_PER_GENERATION } },
      ],
    });

    // Over the schema's own bound: the 422 names the field and the limit (server/http/field-issues.ts).
    const overBound = await generate(id, ADMIN, { mode: 'spread', rewards: [{ rewardKey: 'cap', count: 20_000 }] });
    expect(overBound.status).toBe(422);
    expect((await overBound.json()).error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'rewards.0.count', code: 'too_big', params: { limit: 10_000, origin: 'number', inclusive: 1 } }],
    });

    const bad = await w.call('POST', `/api/admin/campaigns/${id}/calendar/import`, ADMIN, {
      csv: 'reward_key,at\nmug,2026-06-02T12:00:00+03:00\nmug,2026-06-02T12:00\nmug,2027-01-01T00:00:00Z',
    });
    expect(bad.status).toBe(422);
    const problems = (await bad.json()).error;
    expect(problems.code).toBe('invalid_csv');
    // Line 2 is before now (day 4): found from outside, a past moment was imported and won by the next spin at once.
    expect(problems.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual([
      'line 2 in_the_past',
      'line 3 bad_instant',
      'line 4 outside_campaign',
    ]);
    expect(await w.deps.db.select().from(schema.prizeMoments)).toHaveLength(14);

    const csv = 'reward_key,at\nmug,2026-06-05T12:00:00+03:00\nmug,2026-06-09T12:00:00+03:00\n';
    const good = await w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ imported: 2 });
    // A file over the import's limit names the limit, in characters.
    const huge = await w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv' },
      body: `reward_key,at\n${'x'.repeat(900_000)}`,
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatchObject({
      code: 'payload_too_large',
      issues: [{ path: 'body', code: 'char_limit', params: { max: 900_000 } }],
    });

    const calendar = async () => (await w.call('GET', `/api/admin/campaigns/${id}/calendar`, ADMIN)).json();
    const mugs = (l: { moments: { rewardKey: string }[] }) => l.moments.filter((m) => m.rewardKey === 'mug');
    const list = await calendar();
    expect(list.mode).toBe('calendar');
    expect(list.moments).toHaveLength(16);
    expect(mugs(list)).toMatchObject([
      { day: '2026-06-05', state: 'upcoming' },
      { day: '2026-06-09', state: 'upcoming' },
    ]);
    // Once the imported moment of 5 June has come and nobody played, it is waiting (rolls forward).
    const now = START + 3 * DAY + HOUR;
    w.clock.set(Date.UTC(2026, 5, 5, 9, 0, 1));
    expect(mugs(await calendar())[0]).toMatchObject({ day: '2026-06-05', state: 'waiting' });
    w.clock.set(now);
    expect(list.days.find((d: { day: string }) => d.day === '2026-06-09')).toMatchObject({ moments: 3, upcoming: 3 });
    expect(list.prizes).toEqual([
      { key: 'mug', title: 'mug', moments: 2, won: 0 },
      { key: 'cap', title: 'cap', moments: 14, won: 0 },
    ]);

    const deleted = await w.call('DELETE', `/api/admin/campaigns/${id}/calendar/moments?rewardKey=mug`, ADMIN);
    expect(await deleted.json()).toEqual({ deleted: 2 });
    const all = await w.call('DELETE', `/api/admin/campaigns/${id}/calendar/moments`, ADMIN);
    expect(await all.json()).toEqual({ deleted: 14 });
    expect(await w.deps.db.select().from(schema.prizeMoments)).toEqual([]);

    const audit = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.section, 'prizes'))
      .orderBy(schema.officeAudit.id);
    expect(audit.map((a) => a.action)).toEqual([
      'calendar.generate',
      'calendar.import',
      'calendar.delete_future',
      'calendar.delete_future',
    ]);
    expect(audit.every((a) => a.actorUserId === String(ADMIN) && a.entityId === String(id))).toBe(true);
    expect(audit[0]?.before).toEqual({ moments: 0 });
    expect(audit[1]?.after).toEqual({ moments: 16 });
  });

  it('a file Russian Excel saved (Windows-1251, `;`) imports, and a line it refuses is quoted in Cyrillic (found from outside: quoted as U+FFFD)', async () => {
    const id = await setup();
    const send = (text: string) =>
      w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv' },
        body: windows1251(text),
      });
    const refused = await send('reward_key;at\r\nКружка;2026-06-05T12:00:00+03:00\r\n');
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.issues).toMatchObject([
      { path: 'line 2', code: 'bad_reward_key', message: 'reward_key "Кружка" is not a reward key' },
    ]);
    const good = await send('reward_key;at\r\nmug;2026-06-05T12:00:00+03:00\r\ncap;2026-06-06T12:00:00+03:00\r\n');
    expect([good.status, await good.json()]).toEqual([200, { imported: 2 }]);
  });

  it('a file headed as a Russian brand writes it («Приз;Время», Windows-1251) imports; an unknown header is a 422 naming the columns in both languages (found from outside: refused on line 1)', async () => {
    const id = await setup();
    const send = (text: string) =>
      w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv' },
        body: windows1251(text),
      });
    const unknown = await send('Подарок;Когда выдать\r\nmug;2026-06-05T12:00:00+03:00\r\n');
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.issues).toMatchObject([
      {
        path: 'line 1',
        code: 'unknown_header',
        params: { expected: 'reward_key / Приз, at / Время' },
        message:
          '"Подарок;Когда выдать" is not a header this import knows; expected the columns reward_key / Приз, at / Время',
      },
    ]);
    const good = await send('Приз;Время\r\nmug;2026-06-05T12:00:00+03:00\r\ncap;2026-06-06T12:00:00+03:00\r\n');
    expect([good.status, await good.json()]).toEqual([200, { imported: 2 }]);
    const swapped = await send('Дата и время;Приз\r\n2026-06-07T12:00:00+03:00;mug\r\n');
    expect([swapped.status, await swapped.json()]).toEqual([200, { imported: 1 }]);
  });

  it('a header naming one column twice («Приз;Награда») is a 422 naming both, nothing written; a header with a colon («Приз:;Время:») imports; a third column is refused naming the columns from the table (found from outside: "not a header", and fixed text)', async () => {
    const id = await setup();
    const send = (text: string) =>
      w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv' },
        body: windows1251(text),
      });
    const twice = await send('Приз;Награда\r\nmug;2026-06-05T12:00:00+03:00\r\n');
    expect(twice.status).toBe(422);
    expect((await twice.json()).error.issues).toEqual([
      {
        path: 'line 1',
        code: 'repeated_column',
        params: { first: '"Приз"', second: '"Награда"', column: 'reward_key / Приз' },
        message: 'the columns "Приз" and "Награда" both mean reward_key / Приз: keep one',
      },
    ]);
    const third = await send('mug;2026-06-05T12:00:00+03:00;для Москвы\r\n');
    expect((await third.json()).error.issues).toEqual([
      {
        path: 'line 1',
        code: 'wrong_columns',
        params: { expected: 'reward_key / Приз, at / Время' },
        message: 'expected only the columns reward_key / Приз, at / Время',
      },
    ]);
    const colon = await send('Приз:;Время:\r\nmug;2026-06-05T12:00:00+03:00\r\n');
    expect([colon.status, await colon.json()]).toEqual([200, { imported: 1 }]);
  });

  it('item 4: an ended campaign keeps its calendar (409)', async () => {
    const id = await setup();
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'ended' }).where(eq(schema.campaigns.id, id)));
    const res = await generate(id, ADMIN, { mode: 'spread', rewards: [{ rewardKey: 'mug', count: 3 }] });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('campaign_ended');
  });
});

describe('a generation retried with its clientKey is the answer it first got, whatever changed since', () => {
  it('after the campaign ended: the first answer again (201), nothing drawn; a new key is 409 campaign_ended', async () => {
    // Before: the retry of an acknowledged generation (its answer lost) was a 409 campaign_ended.
    const id = await setup();
    const body = { mode: 'spread', rewards: [{ rewardKey: 'mug', count: 3 }], clientKey: 'gen-retry-0001' };
    const first = await generate(id, ADMIN, body);
    expect(first.status).toBe(201);
    const answer = await first.json();
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'ended' }).where(eq(schema.campaigns.id, id)));
    const again = await generate(id, ADMIN, body);
    expect([again.status, await again.json()]).toEqual([201, answer]);
    expect(await w.deps.db.select().from(schema.prizeMoments)).toHaveLength(3);
    const fresh = await generate(id, ADMIN, { ...body, clientKey: 'gen-retry-0002' });
    expect([fresh.status, (await fresh.json()).error.code]).toEqual([409, 'campaign_ended']);
    // The key still answers only its own request, and only to a member who may see the calendar.
    const other = await generate(id, ADMIN, { ...body, rewards: [{ rewardKey: 'mug', count: 4 }] });
    expect([other.status, (await other.json()).error.code]).toEqual([409, 'client_key_reused']);
    expect((await generate(id, OTHER_BRAND, body)).status).toBe(404);
    expect((await generate(id, CAMPAIGNS_ONLY, body)).status).toBe(403);
  });

  it('after the campaign time ran out (still live): the first answer again, not 422 empty_window', async () => {
    const id = await setup();
    const body = { mode: 'per_day', rewards: [{ rewardKey: 'cap', count: 1 }], clientKey: 'gen-retry-0003' };
    const first = await generate(id, ADMIN, body);
    expect(first.status).toBe(201);
    const answer = await first.json();
    w.clock.advance(11 * DAY);
    const again = await generate(id, ADMIN, body);
    expect([again.status, await again.json()]).toEqual([201, answer]);
    const fresh = await generate(id, ADMIN, { ...body, clientKey: 'gen-retry-0004' });
    expect([fresh.status, (await fresh.json()).error.code]).toEqual([422, 'empty_window']);
  });
});

describe('a refused calendar import names the field it is about', () => {
  const upload = (id: number, contentType: string, body: string) =>
    w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': contentType },
      body,
    });

  it('a file with only its header: 422 invalid_csv naming `csv`, with a code the office words (found from outside: no issues)', async () => {
    const id = await setup();
    for (const [type, body] of [
      ['text/csv', 'reward_key,at\n'],
      ['application/json', JSON.stringify({ csv: 'reward_key,at\n\n' })],
    ] as const) {
      const res = await upload(id, type, body);
      expect(res.status).toBe(422);
      expect((await res.json()).error).toEqual({
        code: 'invalid_csv',
        message: 'The file has no moments',
        issues: [{ path: 'csv', code: 'no_moments', params: {}, message: 'The file has no moments' }],
      });
    }
  });

  it('a JSON body without its csv: 422 saying csv is missing, not "Invalid json" (found from outside)', async () => {
    const id = await setup();
    for (const body of ['{}', '{"csv": 5}', '{"moments": "reward_key,at"}']) {
      const res = await upload(id, 'application/json', body);
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/csv/);
      expect(error.message).not.toMatch(/Invalid json/i);
      expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['csv']);
    }
    expect(await w.deps.db.select().from(schema.prizeMoments)).toHaveLength(0);
  });

  it('a Russian Excel file with local times («05.06.2026 12:00») imports them in the campaign zone (was 422 bad_instant)', async () => {
    w = await createPromoWorld({}, START);
    const id = await w.campaign({
      mechanic: 'code',
      startsAt: START,
      endsAt: START + 10 * DAY,
      timeZone: 'Asia/Yekaterinburg',
      settings: { instantWin: { mode: 'calendar' }, packCode: { poolKey: 'packs' } },
    });
    await w.reward(id, 'mug', { unlock: { code: true } });
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(ADMIN),
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_admin',
        sections: ['prizes'],
      }),
    );
    const res = await w.app.request(`/api/admin/campaigns/${id}/calendar/import`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv; charset=windows-1251' },
      body: windows1251('Приз;Время\r\nmug;05.06.2026 12:00\r\nmug;06.06.2026\r\n'),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: 2 });
    const moments = await w.deps.db.select({ at: schema.prizeMoments.at }).from(schema.prizeMoments);
    // Yekaterinburg is UTC+5: noon there is 07:00 UTC, its midnight 19:00 UTC the day before.
    expect(moments.map((m) => m.at).sort()).toEqual([Date.UTC(2026, 5, 5, 7), Date.UTC(2026, 5, 5, 19)]);
  });
});
