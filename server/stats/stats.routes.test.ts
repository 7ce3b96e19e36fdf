/** The statistics API: who may read it (and the same 404 for not-yours as for missing), bad queries, CSV = JSON. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { stageLabel } from '../funnel/stage-words.ts';
import { excelCsv, excelNumber, excelRows } from '../http/testing/excel-csv.ts';
import { STATS_MEASURES } from './stats.schemas.ts';
import { statsCsvKeys } from './stats-csv.ts';
import { STATS_CSV_LABELS } from './stats-csv-labels.ts';
import { DAY, HOUR, joined, MIN, telemetry } from './testing/telemetry-history.ts';
import { byKey } from './testing/worded-csv.ts';

const STATS = 900_201;
const MAILINGS_ONLY = 900_202;
const STRANGER = 900_203;
const JUNE_1_MSK = Date.UTC(2026, 4, 31, 21);

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld({}, JUNE_1_MSK + 10 * DAY);
  await grantBrandAdmin(w, STATS, ['stats']);
  await grantBrandAdmin(w, MAILINGS_ONLY, ['mailings']);
});
afterEach(async () => {
  await w.shutdown();
});

async function get(path: string, user = STATS, launchLanguage?: 'en') {
  const res = await createApp(w.deps).request(`/api/admin/stats/${path}`, {
    headers: { Authorization: w.vkAuth(user, launchLanguage ? { vk_language: launchLanguage } : {}) },
  });
  const { bom, text } = await excelCsv(res);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, bom };
}

/** A small CSV reader for the tests (quoted cells, doubled quotes), worded headers read back as keys. */
function parseCsv(text: string): Record<string, string>[] {
  return byKey(parseWordedCsv(text));
}

function parseWordedCsv(text: string): Record<string, string>[] {
  const [head, ...rest] = excelRows(text);
  return rest.map((cells) => Object.fromEntries((head ?? []).map((h, i) => [h, cells[i] ?? ''])));
}

async function history() {
  const t0 = JUNE_1_MSK + DAY + 10 * HOUR;
  for (let i = 0; i < 4; i++) {
    const p = await joined(w, t0 + i * HOUR);
    await telemetry(w, p, [
      { at: t0 + i * HOUR, kind: 'screen_view', screen: 'home' },
      { at: t0 + i * HOUR + 2 * MIN, kind: 'screen_view', screen: i % 2 ? 'prizes' : 'campaign' },
      { at: t0 + DAY + i * HOUR, kind: 'client_error', screen: 'wheel', message: '=HYPERLINK("http://evil")' },
    ]);
  }
}

describe('statistics API', () => {
  it('item 3: every measure answers a stats member for the campaign and the brand', async () => {
    await history();
    for (const m of STATS_MEASURES) {
      for (const path of [`campaigns/${w.campaignId}/${m}`, `brands/${w.brandId}/${m}`]) {
        const res = await get(`${path}?from=2026-06-01&to=2026-06-07`);
        expect(res.status, `${path}: ${res.text}`).toBe(200);
        expect(JSON.parse(res.text).range).toMatchObject({
          from: '2026-06-01',
          to: '2026-06-07',
          timeZone: 'Europe/Moscow',
        });
      }
    }
  });

  it('item 3: refused: a member without stats gets 403; a stranger gets the same 404 as a missing campaign or brand', async () => {
    for (const path of [`campaigns/${w.campaignId}/sessions`, `brands/${w.brandId}/sessions`]) {
      expect((await get(path, MAILINGS_ONLY)).status).toBe(403);
    }
    const strangerCampaign = await get(`campaigns/${w.campaignId}/sessions`, STRANGER);
    const missingCampaign = await get(`campaigns/${w.campaignId}/sessions`.replace(String(w.campaignId), '999999'));
    expect(strangerCampaign.status).toBe(404);
    expect(JSON.parse(strangerCampaign.text).error.code).toBe(JSON.parse(missingCampaign.text).error.code);
    const strangerBrand = await get(`brands/${w.brandId}/sessions`, STRANGER);
    const missingBrand = await get('brands/999999/sessions');
    // The office gate answers a brand that is not yours, or does not exist, with one 403.
    expect(strangerBrand.status).toBe(403);
    expect(strangerBrand.text.replace(String(w.brandId), 'N')).toBe(missingBrand.text.replace('999999', 'N'));
    const noAuth = await createApp(w.deps).request(`/api/admin/stats/campaigns/${w.campaignId}/sessions`);
    expect(noAuth.status).toBe(401);
  });

  it('item 3: bad queries are a 422 with the reason', async () => {
    const base = `campaigns/${w.campaignId}/activity`;
    for (const q of [
      '?from=2026-06-07&to=2026-06-01',
      '?from=2026-13-01',
      '?timeZone=Mars/Olympus',
      '?platform=ios',
      '?from=2024-01-01&to=2026-06-01',
    ]) {
      const res = await get(`${base}${q}`);
      expect(res.status, q).toBe(422);
      expect(JSON.parse(res.text).error.message.length).toBeGreaterThan(0);
    }
    // A period over the limit names the limit, so the office can say it.
    const tooLong = JSON.parse((await get(`${base}?from=2024-01-01&to=2026-06-01`)).text).error;
    expect(tooLong).toMatchObject({
      code: 'range_too_long',
      issues: [{ path: 'to', code: 'day_limit', params: { max: 400 } }],
    });
  });

  it('a day the calendar does not have is a 422 naming the field, for JSON, CSV and the download link (found from outside: 2026-02-30 was read as 2 March)', async () => {
    const base = `campaigns/${w.campaignId}/activity`;
    for (const [q, field] of [
      ['?from=2026-02-30&to=2026-03-05', 'from'],
      ['?from=2026-02-01&to=2026-02-29', 'to'], // 2026 is no leap year
      ['?from=2026-04-31&to=2026-05-01&format=csv', 'from'],
      ['?from=2026-06-01&to=2026-06-31&format=csv&lang=en', 'to'],
    ] as const) {
      const res = await get(`${base}${q}`);
      expect(res.status, q).toBe(422);
      expect(JSON.parse(res.text).error, q).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: field, code: 'not_a_date' }],
      });
    }
    const link = await createApp(w.deps).request(`/api/admin/stats/${base}/download-link?from=2026-02-30`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(STATS) },
    });
    expect(link.status).toBe(422);
    // A real 29 February still reads as a range.
    const leap = await get(`${base}?from=2024-02-28&to=2024-02-29`);
    expect([leap.status, JSON.parse(leap.text).range?.days]).toEqual([200, 2]);
  });

  it('a time zone asked for in another case reads as its IANA name in the answer', async () => {
    const res = await get(
      `campaigns/${w.campaignId}/activity?from=2026-06-01&to=2026-06-07&timeZone=asia/yekaterinburg`,
    );
    expect([res.status, JSON.parse(res.text).range?.timeZone]).toEqual([200, 'Asia/Yekaterinburg']);
  });

  it('item 2: the CSV of a measure has the same numbers as its JSON, and a formula-looking error stays text', async () => {
    await history();
    const q = '?from=2026-06-01&to=2026-06-07';
    const read = async (m: string) => {
      const json = JSON.parse((await get(`campaigns/${w.campaignId}/${m}${q}`)).text);
      const csv = await get(`campaigns/${w.campaignId}/${m}${q}&format=csv`);
      expect(csv.type).toContain('text/csv');
      expect(csv.bom, m).toBe(true); // Russian Excel reads UTF-8 without it as Windows-1251 (decision 060)
      return { json, csv: parseCsv(csv.text), raw: csv.text };
    };
    const num = excelNumber;

    const activity = await read('activity');
    expect(activity.json.totals.activeUsers).toBe(4);
    expect(
      activity.csv.filter((r) => r.table === 'day').map((r) => [r.day, num(r.active_users), num(r.new_participants)]),
    ).toEqual(activity.json.days.map((d: Record<string, unknown>) => [d.day, d.activeUsers, d.newParticipants]));

    const sessions = await read('sessions');
    const total = Object.fromEntries(
      sessions.csv.filter((r) => r.table === 'total').map((r) => [r.metric, num(r.value)]),
    );
    expect(total).toMatchObject({
      sessions: sessions.json.sessions,
      users: sessions.json.users,
      length_ms_median: sessions.json.lengthMs.median,
      sessions_per_user_mean: sessions.json.sessionsPerUser.mean,
    });
    expect(sessions.csv.filter((r) => r.table === 'length').map((r) => num(r.count))).toEqual(
      sessions.json.lengthBuckets.map((b: { count: number }) => b.count),
    );

    const drop = await read('drop-off-screens');
    expect(
      drop.csv.filter((r) => r.table === 'screen').map((r) => [r.screen, num(r.sessions_ended), num(r.share)]),
    ).toEqual(drop.json.screens.map((s: Record<string, unknown>) => [s.screen, s.sessionsEnded, s.share]));

    const summary = await read('summary');
    expect(summary.csv.map((r) => [r.metric, num(r.current), num(r.previous), num(r.change_pct)])).toEqual(
      summary.json.kpis.map((k: Record<string, unknown>) => [k.key, k.current, k.previous, k.changePct]),
    );

    const errors = await read('errors');
    expect(errors.json.top[0]).toMatchObject({ message: '=HYPERLINK("http://evil")', count: 4, users: 4 });
    const top = errors.csv.filter((r) => r.table === 'top');
    expect(top.map((r) => [r.message, num(r.count), num(r.users)])).toEqual([[`'=HYPERLINK("http://evil")`, 4, 4]]);
    expect(errors.raw).not.toMatch(/(^|[;,])=HYPERLINK/m);

    // The file names a stage as the chart does (stage-words.ts), so it joins the JSON by that label.
    const funnel = await read('funnel');
    const { stages, taskTitles } = funnel.json.funnels[0];
    expect(funnel.csv.map((r) => [r.stage, num(r.count), num(r.drop_off)])).toEqual(
      stages.map((s: { stage: string; count: number; dropOff: number }) => [
        stageLabel(s.stage, 'ru', taskTitles),
        s.count,
        s.dropOff,
      ]),
    );
  });

  it("item 4: the CSV is worded in the member's language (header, tables, metrics), every key has words, formulas stay text", async () => {
    await history();
    const q = '?from=2026-06-01&to=2026-06-07&format=csv';
    const ru = await get(`campaigns/${w.campaignId}/activity${q}&lang=ru`);
    expect(ru.text.split('\r\n')[0]).toBe('Таблица;Дата;Активные пользователи;Новые участники;Показатель;Значение');
    expect(ru.text).toContain('\r\nИтого;;;;Активные пользователи;');
    const en = await get(`campaigns/${w.campaignId}/activity${q}&lang=en`);
    // In English, for English Excel (decision 075): `,` between cells, which it opens in columns (red before: `;`).
    expect(en.text.split('\r\n')[0]).toBe('Table,Date,Active users,New participants,Metric,Value');
    // Without `lang`: the launch's language (the test launch has none: Russian, the UI's default; an English one).
    expect((await get(`campaigns/${w.campaignId}/activity${q}`)).text.split('\r\n')[0]).toBe(ru.text.split('\r\n')[0]);
    const launchEn = await get(`campaigns/${w.campaignId}/activity${q}`, STATS, 'en');
    expect(launchEn.text.split('\r\n')[0]).toBe(en.text.split('\r\n')[0]);
    for (const m of STATS_MEASURES) {
      const json = JSON.parse((await get(`campaigns/${w.campaignId}/${m}?from=2026-06-01&to=2026-06-07`)).text);
      for (const key of statsCsvKeys(m, json)) expect(STATS_CSV_LABELS[key], `${m}: ${key}`).toBeDefined();
      const file = await get(`campaigns/${w.campaignId}/${m}${q}&lang=en`);
      expect(file.text.split('\r\n')[0], m).not.toMatch(/_/);
    }
    // Words are unique per language, so a file can be read back by key.
    for (const i of [0, 1]) {
      const words = Object.values(STATS_CSV_LABELS).map((w) => w[i]);
      expect(new Set(words).size, `language ${i}`).toBe(words.length);
    }
    const errors = await get(`campaigns/${w.campaignId}/errors${q}&lang=ru`);
    expect(errors.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
