/**
 * The office's mailing API (issue 16): the composer's options (the campaign's real screens as deep links), the rules
 * list with its numbers, editing a rule, broadcasts list and detail, a segment by language with a live count;
 * every text a recipient gets in their language (broadcasts, rules, the open-app button, bot replies) with the
 * fallback; cancel in the middle of sending; the audit row of every mailing write; rights (only `mailings`).
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import {
  createMessagingWorld,
  deliveriesByPeer,
  GROUP_ID,
  grantBrandAdmin,
  type MessagingWorld,
  postCallback,
} from './messaging-world.ts';

const MAILER = 910_001;
const STATS_ONLY = 910_002;
const STRANGER = 910_003;
const HOUR = 3_600_000;
/** Noon in Moscow: outside the default quiet hours. */
const NOON_MSK = Date.UTC(2026, 5, 1, 9);

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({}, NOON_MSK);
  app = createApp(w.deps);
  await grantBrandAdmin(w, MAILER, ['mailings']);
  await grantBrandAdmin(w, STATS_ONLY, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

async function call(method: string, path: string, user: number, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(user) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const base = () => `/api/admin/mailing/campaigns/${w.campaignId}`;
const send = () => sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
const setLanguage = (ids: number[], language: string) =>
  inTransaction(w.deps.db, async (tx) => {
    for (const id of ids) await tx.update(schema.participants).set({ language }).where(eq(schema.participants.id, id));
  });
const audit = () => w.deps.db.select().from(schema.officeAudit).orderBy(schema.officeAudit.id);
const addTask = (key: string, kind: 'join_community' | 'quiz', title: string) =>
  inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.tasks).values({ campaignId: w.campaignId, key, kind, title, position: 1 }),
  );
const rule = (over: Record<string, unknown> = {}) => ({
  name: 'Напомнить',
  stage: 'opened',
  notStage: 'task_done',
  minHours: 1,
  channel: 'message',
  variants: [{ key: 'A', text: 'Осталось одно задание!', texts: { en: 'One task left!' } }],
  ...over,
});

describe('office mailing API', () => {
  it('item 1: options list the campaign screens; a deep link must be one of them; rules list with numbers; rule edit', async () => {
    await addTask('quiz1', 'quiz', 'Викторина');
    await addTask('sub', 'join_community', 'Подписка');
    const options = await call('GET', `${base()}/options`, MAILER);
    expect(options.status).toBe(200);
    const c = `campaign/${w.campaignId}`;
    expect(options.body.stages).toEqual(['opened', 'task_done', 'reward_issued']);
    expect(options.body.cap).toEqual({ capCount: 1, capHours: 24 });
    // The preview's sender: the community writes a message, the mini app sends a notification.
    expect(options.body.senders).toEqual({ message: 'C', notification: 'app' });
    // An English office member picks from English titles where the content has them (Russian otherwise).
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.tasks)
        .set({ translations: { en: { title: 'Quiz' } } })
        .where(eq(schema.tasks.key, 'quiz1')),
    );
    const english = await app.request(`${base()}/options`, {
      headers: { Authorization: w.vkAuth(MAILER, { vk_language: 'en' }) },
    });
    const titles = ((await english.json()) as { screens: Array<{ kind: string; title: string }> }).screens
      .filter((x) => x.kind === 'task')
      .map((x) => x.title);
    expect(titles).toEqual(['Quiz', 'Подписка']);
    expect(options.body.screens.map((s: { hash: string }) => s.hash)).toEqual([
      c,
      `${c}/rules`,
      `${c}/prizes`,
      `${c}/help`,
      `${c}/task/quiz1/quiz`,
      c,
    ]);

    const bad = await call(
      'POST',
      `${base()}/rules`,
      MAILER,
      rule({ variants: [{ key: 'A', text: 'x', fragment: '#evil' }] }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('variants.0.fragment');

    const stuck = await w.addParticipants({ count: 4, firstUserId: 30_000, reachedAt: NOON_MSK - 3 * HOUR });
    // Last seen before the message: only a later open counts as "opened the app after".
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.participants)
        .set({ lastSeenAt: NOON_MSK - 3 * HOUR })
        .where(eq(schema.participants.campaignId, w.campaignId)),
    );
    const created = await call('POST', `${base()}/rules`, MAILER, rule({ holdoutPercent: 0 }));
    expect(created.status).toBe(201);
    expect(created.body.segment).toEqual({});
    await runSchedulesOnce(w.deps);
    await send();
    // One recipient opens the app afterwards and moves on to the next stage.
    w.clock.advance(HOUR);
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.participants)
        .set({ lastSeenAt: w.clock.now, stage: 'task_done', stageIndex: 1 })
        .where(eq(schema.participants.id, stuck[0] ?? 0)),
    );
    const list = await call('GET', `${base()}/rule-summaries`, MAILER);
    expect(list.body.rules).toHaveLength(1);
    expect(list.body.rules[0]).toMatchObject({ sent: 4, openedAfter: 1, converted: 1, liftPoints: null });

    const id = created.body.id as number;
    const edited = await call(
      'PUT',
      `${base()}/rules/${id}`,
      MAILER,
      rule({
        name: 'Only English',
        segment: { languages: ['en'] },
        variants: [{ key: 'A', text: 'Hi', fragment: `${c}/task/quiz1/quiz` }],
        savedAt: created.body.updatedAt,
      }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Only English', segment: { languages: ['en'] } });
    const savedAt = edited.body.updatedAt;
    expect((await call('PUT', `${base()}/rules/${id}`, MAILER, rule({ notStage: 'opened', savedAt }))).status).toBe(
      422,
    );
    expect((await call('PUT', `${base()}/rules/${id + 999}`, MAILER, rule({ savedAt }))).status).toBe(404);

    // Two editors: a save of the copy read before the last save is refused, writes nothing, and the rule stays.
    const auditRows = async () => (await w.deps.db.select().from(schema.officeAudit)).length;
    const before = await auditRows();
    const stale = await call('PUT', `${base()}/rules/${id}`, MAILER, rule({ savedAt: created.body.updatedAt }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('saved_meanwhile');
    expect(await auditRows()).toBe(before);
    expect((await call('GET', `${base()}/rules`, MAILER)).body.rules[0]).toMatchObject({ name: 'Only English' });
    // Without the copy it was made on, an edit is refused by name; switching the rule off does not make a copy stale.
    const bare = await call('PUT', `${base()}/rules/${id}`, MAILER, rule());
    expect(bare.status).toBe(422);
    expect(JSON.stringify(bare.body)).toContain('savedAt');
    expect((await call('PATCH', `${base()}/rules/${id}`, MAILER, { active: false })).status).toBe(200);
    const renamed = await call('PUT', `${base()}/rules/${id}`, MAILER, rule({ name: 'Renamed', savedAt }));
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', active: false });
  });

  it("item 3 (p4): options carry the campaign's time zone, in which the screens show and take times", async () => {
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.campaigns).set({ timeZone: 'Asia/Vladivostok' }).where(eq(schema.campaigns.id, w.campaignId)),
    );
    const options = await call('GET', `${base()}/options`, MAILER);
    expect(options.status).toBe(200);
    expect(options.body.timeZone).toBe('Asia/Vladivostok');
  });

  it('item 1: new routes refuse a member without `mailings` (403) and a stranger as a missing campaign (404)', async () => {
    const created = await call('POST', `${base()}/rules`, MAILER, rule());
    const paths: Array<[string, string, unknown?]> = [
      ['GET', `${base()}/options`],
      ['GET', `${base()}/rule-summaries`],
      ['PUT', `${base()}/rules/${created.body.id}`, rule({ savedAt: created.body.updatedAt })],
      ['GET', `${base()}/broadcasts`],
      ['GET', `${base()}/broadcasts/1`],
    ];
    for (const [method, path, body] of paths) {
      expect((await call(method, path, STATS_ONLY, body)).status, path).toBe(403);
      expect((await call(method, path, STRANGER, body)).status, path).toBe(404);
    }
    expect((await call('GET', '/api/admin/mailing/campaigns/9999/options', MAILER)).status).toBe(404);
  });

  it('item 2: the audience count follows the segment (languages), per-language counts; list, detail, progress', async () => {
    const ru = await w.addParticipants({ count: 3, firstUserId: 40_000 });
    const en = await w.addParticipants({ count: 2, firstUserId: 41_000 });
    await setLanguage(en, 'en');
    await w.addParticipants({ count: 4, firstUserId: 42_000, consent: false });
    const count = async (segment: object) =>
      (await call('POST', `${base()}/broadcasts/preview`, MAILER, { segment, channel: 'message' })).body;
    expect(await count({})).toMatchObject({ total: 9, withConsent: 5, byLanguage: { ru: 3, en: 2 } });
    expect(await count({ languages: ['en'] })).toMatchObject({
      total: 2,
      withConsent: 2,
      byLanguage: { ru: 0, en: 2 },
    });
    expect(await count({ languages: ['ru'] })).toMatchObject({ total: 7, withConsent: 3 });
    expect(ru).toHaveLength(3);

    const sent = await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'News',
      segment: {},
      channel: 'message',
      text: 'Новости',
      texts: { ru: 'Новости', en: 'News' },
    });
    expect(sent.body.enqueued).toBe(5);
    const id = sent.body.broadcast.id as number;
    const before = await call('GET', `${base()}/broadcasts/${id}`, MAILER);
    expect(before.body.stats).toMatchObject({ total: 5, byStatus: { queued: 5 } });
    expect(before.body.broadcast).toMatchObject({ texts: { ru: 'Новости', en: 'News' }, status: 'enqueued' });
    // The list knows what is left to send, as the page does: "sending" until nothing is, then "finished".
    const listed = async () => (await call('GET', `${base()}/broadcasts`, MAILER)).body.broadcasts;
    expect(await listed()).toMatchObject([{ id, status: 'enqueued', sentCount: 0, openCount: 5 }]);
    await send();
    expect(await listed()).toMatchObject([{ id, status: 'enqueued', sentCount: 5, openCount: 0 }]);
    const after = await call('GET', `${base()}/broadcasts/${id}`, MAILER);
    expect(after.body.stats).toMatchObject({ total: 5, byStatus: { sent: 5 } });
    const list = await call('GET', `${base()}/broadcasts`, MAILER);
    expect(list.body.broadcasts.map((b: { id: number }) => b.id)).toEqual([id]);
    const other = await call('GET', `${base()}/broadcasts/${id + 50}`, MAILER);
    expect(other.status).toBe(404);
  });

  it('item 2: cancel in the middle of sending stops the queued rest, never unsends, and sends nothing twice', async () => {
    await w.addParticipants({ count: 6, firstUserId: 50_000 });
    const created = await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'n',
      segment: {},
      channel: 'message',
      text: 'Стоп',
    });
    const id = created.body.broadcast.id as number;
    const rows = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.broadcastId, id));
    // Two went out already (the sender sent them), one is with the sender right now.
    for (const r of rows.slice(0, 2))
      await inTransaction(w.deps.db, (tx) =>
        tx.update(schema.outbox).set({ status: 'sent', sentAt: w.clock.now }).where(eq(schema.outbox.id, r.id)),
      );
    const inFlight = rows[2];
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.outbox)
        .set({ status: 'sending', claimedAt: w.clock.now })
        .where(eq(schema.outbox.id, inFlight?.id ?? 0)),
    );
    const cancelled = await call('DELETE', `${base()}/broadcasts/${id}`, MAILER);
    expect(cancelled.body).toMatchObject({ cancelled: 3 });
    // The sender keeps running: nothing queued is left for it, the sent rows stay sent, and the in-flight row whose
    // lease ran out is closed by the claim instead of being sent again.
    await send();
    w.clock.advance(2 * HOUR);
    await send();
    expect(w.fake.delivered).toHaveLength(0);
    expect([...deliveriesByPeer(w.fake).values()].every((n) => n <= 1)).toBe(true);
    const stats = (await call('GET', `${base()}/broadcasts/${id}`, MAILER)).body.stats;
    expect(stats.byStatus).toEqual({ sent: 2, cancelled: 4 });
    // No "progress" beside the counts: it was the share of messages decided (1 here, with 2 of 6 sent), which the
    // office's bar had stopped showing for that reason (decision 069); the counts say what went out.
    expect(stats).not.toHaveProperty('progress');
    const byRoute = (await call('GET', `${base()}/broadcasts/${id}/stats`, MAILER)).body;
    expect(byRoute.byStatus).toEqual({ sent: 2, cancelled: 4 });
    expect(byRoute).not.toHaveProperty('progress');
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.components.schemas.MessageStats?.properties ?? {})).not.toContain('progress');
    expect(Object.keys(doc.components.schemas.MessageStats?.properties ?? {})).toContain('byStatus');
  });
});

describe('item 3: every text in the recipient language', () => {
  it('broadcast: ru and en recipients get their text and button label; a missing language falls back to Russian', async () => {
    const ru = await w.addParticipants({ count: 2, firstUserId: 60_000 });
    const en = await w.addParticipants({ count: 2, firstUserId: 61_000 });
    await setLanguage(en, 'en');
    const c = `campaign/${w.campaignId}`;
    await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'two',
      segment: {},
      channel: 'message',
      text: 'Привет',
      texts: { ru: 'Привет', en: 'Hello' },
      fragment: `${c}/prizes`,
    });
    await send();
    const textOf = (peer: number) => w.fake.delivered.find((d) => d.peerId === peer);
    expect(textOf(60_000)?.text).toBe('Привет');
    expect(textOf(61_000)?.text).toBe('Hello');
    expect(textOf(60_000)?.keyboard?.buttons.flat()[0]?.action.label).toBe('Открыть приложение');
    expect(textOf(61_000)?.keyboard?.buttons.flat()[0]?.action.label).toBe('Open the app');

    // Only Russian written: the English reader gets the campaign default (Russian), not nothing.
    await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'ru',
      segment: {},
      channel: 'message',
      text: 'Только RU',
    });
    await send();
    const onlyRu = w.fake.delivered.filter((d) => d.text === 'Только RU').map((d) => d.peerId);
    expect(onlyRu.sort()).toEqual([...ru.map((_, i) => 60_000 + i), ...en.map((_, i) => 61_000 + i)].sort());
  });

  it('rule: each variant is sent in the recipient language', async () => {
    const en = await w.addParticipants({ count: 1, firstUserId: 62_000, reachedAt: NOON_MSK - 3 * HOUR });
    await w.addParticipants({ count: 1, firstUserId: 63_000, reachedAt: NOON_MSK - 3 * HOUR });
    await setLanguage(en, 'en');
    await call('POST', `${base()}/rules`, MAILER, rule());
    await runSchedulesOnce(w.deps);
    await send();
    expect(w.fake.delivered.find((d) => d.peerId === 62_000)?.text).toBe('One task left!');
    expect(w.fake.delivered.find((d) => d.peerId === 63_000)?.text).toBe('Осталось одно задание!');
  });

  it('bot replies follow the participant language; someone unknown gets the default', async () => {
    const [p] = await w.addParticipants({ count: 1, firstUserId: 64_000 });
    await setLanguage([p ?? 0], 'en');
    let conversationId = 0;
    const message = (eventId: string, from: number, text: string) => ({
      type: 'message_new',
      event_id: eventId,
      object: {
        message: {
          date: 1780000000,
          from_id: from,
          id: 0,
          out: 0,
          peer_id: from,
          text,
          conversation_message_id: ++conversationId,
        },
        client_info: {
          button_actions: ['text', 'open_app', 'callback'],
          keyboard: true,
          inline_keyboard: true,
          lang_id: 0,
        },
      },
    });
    w.fake.allowMessages(GROUP_ID, 65_000);
    await postCallback(w, app, message('e-en', 64_000, 'start'));
    await postCallback(w, app, message('e-ru', 65_000, 'start'));
    await postCallback(w, app, message('e-en-2', 64_000, 'my prizes'));
    await send();
    const to = (peer: number) => w.fake.delivered.filter((d) => d.peerId === peer);
    expect(to(64_000)[0]?.text).toContain('My progress');
    expect(
      to(64_000)[0]
        ?.keyboard?.buttons.flat()
        .map((b) => b.action.label),
    ).toEqual(['My progress', 'My prizes', 'Support', 'Help']);
    expect(to(64_000)[1]?.text).toBe('No prizes yet — complete the tasks in the app.');
    expect(to(65_000)[0]?.text).toContain('Мой прогресс');
  });
});

describe('item 4: audit', () => {
  it('every mailing write leaves an audit row (section mailings) in its transaction', async () => {
    const [p] = await w.addParticipants({ count: 2, firstUserId: 70_000 });
    const r = await call('POST', `${base()}/rules`, MAILER, rule());
    await call('PUT', `${base()}/rules/${r.body.id}`, MAILER, rule({ name: 'renamed', savedAt: r.body.updatedAt }));
    await call('PATCH', `${base()}/rules/${r.body.id}`, MAILER, { active: false });
    await call('PUT', `${base()}/frequency-cap`, MAILER, { capCount: 2, capHours: 12 });
    await call('POST', `${base()}/tags`, MAILER, { tag: 'vip', add: [p] });
    const b = await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'later',
      segment: {},
      channel: 'message',
      text: 'x',
      scheduledAt: w.clock.now + 5 * HOUR,
    });
    await call('DELETE', `${base()}/broadcasts/${b.body.broadcast.id}`, MAILER);
    await call('POST', `${base()}/broadcasts`, MAILER, { name: 'now', segment: {}, channel: 'message', text: 'y' });
    // Refused and dry-run calls write nothing.
    await call('POST', `${base()}/rules`, STATS_ONLY, rule());
    await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'd',
      segment: {},
      channel: 'message',
      text: 'z',
      dryRun: true,
    });
    const rows = await audit();
    expect(rows.map((a) => a.action)).toEqual([
      'rule.create',
      'rule.update',
      'rule.disable',
      'frequency_cap.set',
      'tag.change',
      'broadcast.create',
      'broadcast.cancel',
      'broadcast.create',
      'broadcast.send',
    ]);
    expect(
      rows.every((a) => a.section === 'mailings' && a.brandId === w.brandId && a.actorUserId === String(MAILER)),
    ).toBe(true);
    expect(rows[3]).toMatchObject({ before: { capCount: 1, capHours: 24 }, after: { capCount: 2, capHours: 12 } });
  });

  it('a refused write leaves neither the change nor an audit row', async () => {
    const bad = await call('POST', `${base()}/rules`, MAILER, rule({ notStage: 'opened' }));
    expect(bad.status).toBe(422);
    expect(await audit()).toEqual([]);
    const rules = await w.deps.db
      .select()
      .from(schema.messageRules)
      .where(and(eq(schema.messageRules.campaignId, w.campaignId)));
    expect(rules).toEqual([]);
  });

  it('found from outside: a schedule past 2100 and a notification over 254 characters are 422s at their fields, nothing written', async () => {
    const broadcast = (over: Record<string, unknown>) =>
      call('POST', `${base()}/broadcasts`, MAILER, { name: 'n', segment: {}, channel: 'message', text: 'hi', ...over });
    const paths = (r: { body: { error: { issues: { path: string }[] } } }) => r.body.error.issues.map((i) => i.path);
    // A schedule no date can hold answered 500 (or, just under the limit, stored a broadcast that never goes).
    for (const scheduledAt of [Number.MAX_SAFE_INTEGER, 8_640_000_000_000_001, 0]) {
      const far = await broadcast({ scheduledAt, ignoreQuietHours: true });
      expect([far.status, paths(far)]).toEqual([422, ['scheduledAt']]);
    }
    // A long notification was taken and then cut to 254 characters when sent.
    const long = 'я'.repeat(255);
    const pushed = await broadcast({ channel: 'notification', text: long, texts: { en: long } });
    expect([pushed.status, paths(pushed)]).toEqual([422, ['text', 'texts.en']]);
    const ruled = await call(
      'POST',
      `${base()}/rules`,
      MAILER,
      rule({ channel: 'notification', variants: [{ key: 'A', text: long }] }),
    );
    expect([ruled.status, paths(ruled)]).toEqual([422, ['variants.0.text']]);
    expect((await broadcast({ channel: 'notification', text: 'я'.repeat(254) })).status).toBe(201);
    expect((await call('GET', `${base()}/broadcasts`, MAILER)).body.broadcasts).toHaveLength(1);
  });
});
