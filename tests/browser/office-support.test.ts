/**
 * Issue 16 (p4) item 1 in Chromium: the support desk end to end. A participant opens help, meets the brand's
 * knowledge-base article first, answers "did this help?" with no and writes a request; a member whose ONLY section is
 * `support` finds it in the inbox (status, SLA age, search, assignment), sees the participant's progress beside the
 * conversation, inserts a canned answer with {name}, {code}, {campaign} in one tap and sends; the participant sees the
 * filled answer in the app, with the unread badge. A request written to the community (Bots Long Poll of the fake VK
 * API → `npm run bot`) is answered as a community message through the outbox, exactly once.
 * Screenshots: test-results/screenshots/office-support-*.png (phone 320 px dark en, desktop light ru).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID } from '../../server/seed/demo-ids.ts';
import { type BotProcess, killStartedBots, npmRunBot } from '../bot/bot-process.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 30_000;
const SUPPORTER = 770_001;
const COMMUNITY_WRITER = 770_900;

let server: StartedServer;
let browser: Browser;
let fake: FakeVkApi;
let bot: BotProcess | undefined;
let world: { campaignId: number; brandId: number; campaignTitleRu: string; campaignTitleEn: string };
let cannedId: number;
let articleId: number;

const auth = (launch: string) => `VK ${new URL(launch).search.slice(1)}`;
const supporterLaunch = (language: 'ru' | 'en') => participantUrl(server, { userId: SUPPORTER, language });

async function api<R>(launch: string, method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: auth(launch), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

/** The `support`-only member of the demo brand. */
function seedSupporter(): typeof world {
  return withAppDb(server, (db) => {
    const c = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId, c.title, ' +
          "json_extract(c.translations, '$.en.title') AS titleEn FROM campaigns c " +
          "JOIN brands b ON b.id = c.brand_id WHERE c.slug = 'summer-tasks'",
      )
      .get() as { id: number; brandId: number; agencyId: number; title: string; titleEn: string | null };
    addBrandMember(server, { userId: SUPPORTER, brandId: c.brandId, sections: ['support'] });
    return { campaignId: c.id, brandId: c.brandId, campaignTitleRu: c.title, campaignTitleEn: c.titleEn ?? c.title };
  });
}

/** A participant of the campaign with one task done and one reward whose code is `code`. */
function seedParticipant(userId: number, language: 'ru' | 'en', code: string): void {
  withAppDb(server, (db) => {
    const now = Date.now();
    const { id } = db
      .prepare(
        "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, language, last_seen_at) VALUES (?, 'vk', ?, ?, ?, ?, ?) RETURNING id",
      )
      .get(world.campaignId, String(userId), now, `sup${userId}`, language, now) as { id: number };
    const task = db
      .prepare('SELECT id FROM promo_tasks WHERE campaign_id = ? ORDER BY position, id LIMIT 1')
      .get(world.campaignId) as { id: number };
    db.prepare(
      "INSERT INTO promo_task_completions (participant_id, task_id, status, started_at, done_at) VALUES (?, ?, 'done', ?, ?)",
    ).run(id, task.id, now, now);
    const reward = db
      .prepare('SELECT id FROM promo_rewards WHERE campaign_id = ? ORDER BY id LIMIT 1')
      .get(world.campaignId) as { id: number };
    db.prepare(
      "INSERT INTO promo_grants (campaign_id, participant_id, reward_id, code, day, source, issued_at, nth) VALUES (?, ?, ?, ?, '2026-01-01', 'claim', ?, 1)",
    ).run(world.campaignId, id, reward.id, code, now);
  });
}

beforeAll(async () => {
  fake = await startFakeVkApi();
  // The server asks the fake VK for the participant's first name ({name}); the bot polls and sends through it.
  server = await startServerLikeReadme({
    env: { VK_API_BASE_URL: fake.url, VK_GROUP_TOKEN: `group:${DEMO_GROUP_ID}`, VK_GROUP_ID: String(DEMO_GROUP_ID) },
  });
  world = seedSupporter();
  const launch = supporterLaunch('ru');
  const base = `/api/admin/support/brands/${world.brandId}`;
  cannedId = (
    await api<{ id: number }>(launch, 'POST', `${base}/canned`, {
      title: 'Код и акция',
      bodyRu: 'Здравствуйте, {name}! Ваш код {code} в акции «{campaign}».',
      bodyEn: 'Hello, {name}! Your code {code} in “{campaign}”.',
    })
  ).id;
  articleId = (
    await api<{ id: number }>(launch, 'POST', `${base}/articles`, {
      titleRu: 'Где мой код?',
      bodyRu: 'Код приходит сразу после выполнения задания: он в разделе «Мои призы».',
      titleEn: 'Where is my code?',
      bodyEn: 'The code arrives right after the task is done: see “My prizes”.',
      campaignId: world.campaignId,
      published: true,
    })
  ).id;
  bot = npmRunBot(
    {
      DATABASE_PATH: join(server.dataDir, 'app.db'),
      VK_GROUP_ID: String(DEMO_GROUP_ID),
      VK_GROUP_TOKEN: `group:${DEMO_GROUP_ID}`,
      VK_API_BASE_URL: fake.url,
      OUTBOX_LEASE_MS: '5000',
    },
    ['--long-poll'],
  );
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  killStartedBots();
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

/** The panel VKUI shows now (a leaving one may still be in the DOM during the transition). */
const active = (page: Page) => page.locator('.vkuiView__panelActive').last();

/** Nothing on the page is wider than the window (the 320-px phone check). */
async function expectNoSidewaysOverflow(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.vkuiView__panelActive *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= limit + 1 || getComputedStyle(el).position === 'fixed') return false;
        // Content inside a sideways scroller (the status tabs) is clipped by it, not pushed past the window.
        for (let a = el.parentElement; a; a = a.parentElement) {
          const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX);
          if (clips && a.getBoundingClientRect().right <= limit + 1) return false;
        }
        return true;
      })
      .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 5);
  });
  expect(wide).toEqual([]);
}

const cases = [
  { name: 'phone-dark-en', width: 320, height: 720, mobile: true, colorScheme: 'dark', language: 'en', user: 770_101 },
  {
    name: 'desktop-light-ru',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'light',
    language: 'ru',
    user: 770_102,
  },
] as const;

describe('item 1: the support desk in Chromium', () => {
  for (const c of cases) {
    it(`item 1: help article first, a request, the support-only member answers with a canned reply, the participant sees it with the badge (${c.name})`, async () => {
      const code = `SUPCODE${c.user}`;
      seedParticipant(c.user, c.language, code);
      const subject = `Код не пришёл ${c.name}`;
      const en = c.language === 'en';

      // The participant: the article comes before the FAQ; "no" leads to the request form.
      const p = await openWatchedPage(browser, c);
      const participant = p.page;
      const participantLaunch = participantUrl(server, { userId: c.user, language: c.language });
      let ticketId: number;
      try {
        await participant.goto(`${participantLaunch}#/campaign/${world.campaignId}/help`);
        const helpGroups = active(participant).locator('[data-testid="help-articles"], [data-testid="help-faq"]');
        await helpGroups.first().waitFor({ timeout: T });
        expect(await helpGroups.first().getAttribute('data-testid')).toBe('help-articles');
        await participant.getByTestId(`article-${articleId}`).click();
        await participant
          .getByText(en ? 'Did this help?' : 'Это помогло?')
          .first()
          .waitFor({ timeout: T });
        await screenshot(participant, `office-support-help-${c.name}`);
        await participant.getByTestId('article-no').click();
        await active(participant).getByTestId('ticket-subject').waitFor({ timeout: T });
        await participant.locator('#ticket-subject').fill(subject);
        await participant.locator('#ticket-body').fill('Выполнил задание, а кода нет.');
        await participant.getByTestId('ticket-send').click();
        await participant.waitForURL(/#\/campaign\/\d+\/help\/\d+$/, { timeout: T });
        ticketId = Number(/help\/(\d+)$/.exec(participant.url())?.[1]);
        expect(ticketId).toBeGreaterThan(0);
        expect(p.errors).toEqual([]);
      } finally {
        await p.context.close();
      }

      // The support-only member: inbox with status, source, SLA age; search finds the request.
      const s = await openWatchedPage(browser, c);
      const desk = s.page;
      try {
        await desk.goto(`${supporterLaunch(c.language)}#/admin/brand/${world.brandId}/support`);
        const row = desk.getByTestId(`inbox-ticket-${ticketId}`);
        await row.waitFor({ timeout: T });
        const rowText = (await row.textContent()) ?? '';
        expect(rowText).toContain(subject);
        expect(rowText).toContain(en ? 'New' : 'Новое');
        expect(rowText).toContain(en ? 'from the app' : 'из приложения');
        expect(rowText).toMatch(en ? /waiting \d+ min/ : /ждёт \d+ мин/);
        await desk.locator('[data-testid="inbox-search"] input, input[data-testid="inbox-search"]').fill(c.name);
        await expect.poll(() => desk.locator('[data-testid^="inbox-ticket-"]').count(), { timeout: T }).toBe(1);
        // The status tabs filter: "resolved" hides the new request, "new" shows it.
        await desk.getByTestId('inbox-status-resolved').click();
        await desk.getByTestId(`inbox-ticket-${ticketId}`).waitFor({ state: 'detached', timeout: T });
        await desk.getByTestId('inbox-status-new').click();
        await row.waitFor({ timeout: T });
        await screenshot(desk, `office-support-inbox-${c.name}`);
        if (c.mobile) await expectNoSidewaysOverflow(desk);

        // The thread: the participant's progress beside it (stage, the task done, the reward with its masked code).
        await row.click();
        const progress = desk.getByTestId('thread-progress');
        await progress.waitFor({ timeout: T });
        await expect.poll(() => progress.textContent(), { timeout: T }).toContain(code.slice(-4));
        const progressText = (await progress.textContent()) ?? '';
        expect(progressText).not.toContain(code);
        expect(progressText).toContain(en ? 'Done' : 'Выполнено');
        expect(progressText).not.toMatch(/\bdone\b/);
        // On a phone the request reads first, then the progress, then the answer; on a desktop the progress is beside.
        const top = async (id: string) => (await desk.getByTestId(id).boundingBox())?.y ?? Number.NaN;
        const [messagesAt, progressAt, replyAt] = [
          await top('thread-messages'),
          await top('thread-progress'),
          await top('reply-body'),
        ];
        if (c.mobile) expect(messagesAt < progressAt && progressAt < replyAt).toBe(true);
        else expect(progressAt).toBeLessThan(replyAt);

        // Assignment: the member takes the request; the inbox shows it.
        const assignee = desk.locator('#thread-assignee');
        const me = await assignee.locator('option', { hasText: `id${SUPPORTER}` }).getAttribute('value');
        await assignee.selectOption(me as string);
        await expect
          .poll(
            async () =>
              (
                await api<{ ticket: { assigneeMembershipId: number | null } }>(
                  supporterLaunch('ru'),
                  'GET',
                  `/api/admin/support/brands/${world.brandId}/tickets/${ticketId}`,
                )
              ).ticket.assigneeMembershipId,
            { timeout: T },
          )
          .toBe(Number(me));

        // One tap inserts the canned answer (variables kept for the server), send.
        await desk.getByTestId(`canned-${cannedId}`).click();
        const body = desk.locator('#reply-body');
        await expect.poll(() => body.inputValue()).toContain('{code}');
        await screenshot(desk, `office-support-thread-${c.name}`);
        if (c.mobile) await expectNoSidewaysOverflow(desk);
        await desk.getByTestId('reply-send').click();
        await desk
          .getByText(en ? 'The participant sees the answer in the app' : 'Ответ виден участнику в приложении')
          .waitFor({ timeout: T });
        const messages = desk.getByTestId('thread-messages');
        await expect.poll(() => messages.textContent(), { timeout: T }).toContain('User');
        // Times read "4 December at 06:20", no seconds (found from outside: "04.12.2026, 06:20:13").
        const today = new Intl.DateTimeFormat(en ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'long' }).format(
          new Date(),
        );
        expect(await messages.textContent()).toMatch(new RegExp(`${today}( в | at |, )\\d\\d:\\d\\d(?!:)`));
        await screenshot(desk, `office-support-replied-${c.name}`);

        // Back in the inbox: waiting for the user, assigned to this member.
        await desk.goto(`${supporterLaunch(c.language)}#/admin/brand/${world.brandId}/support`);
        const after = desk.getByTestId(`inbox-ticket-${ticketId}`);
        await after.waitFor({ timeout: T });
        await expect.poll(() => after.textContent(), { timeout: T }).toContain(en ? 'Waiting for user' : 'Ждём ответа');
        expect(await after.textContent()).toContain(`id${SUPPORTER}`);
        expect(s.errors).toEqual([]);
      } finally {
        await s.context.close();
      }

      // The participant: the badge on the request, then the filled answer.
      const back = await openWatchedPage(browser, c);
      try {
        const page = back.page;
        await page.goto(`${participantLaunch}#/campaign/${world.campaignId}/prizes`);
        await page.getByTestId('help-unread').waitFor({ timeout: T });
        expect(await page.getByTestId('help-unread').textContent()).toBe('1');
        await page.getByTestId('help-button').click();
        const item = active(page).getByTestId(`ticket-${ticketId}`);
        await item.waitFor({ timeout: T });
        expect(await item.getByLabel(en ? 'New answer' : 'Новый ответ').count()).toBe(1);
        await screenshot(page, `office-support-badge-${c.name}`);
        await item.click();
        const answer = active(page).getByTestId('message-agent');
        await answer.waitFor({ timeout: T });
        const title = en ? world.campaignTitleEn : world.campaignTitleRu;
        expect(await answer.textContent()).toContain(
          en
            ? `Hello, User! Your code ${code} in “${title}”.`
            : `Здравствуйте, User! Ваш код ${code} в акции «${title}».`,
        );
        await screenshot(page, `office-support-answer-${c.name}`);
        expect(back.errors).toEqual([]);
      } finally {
        await back.context.close();
      }
    }, 180_000);
  }

  it('item 1: a request written to the community is answered as one community message through the outbox', async () => {
    const code = 'COMMCODE77';
    seedParticipant(COMMUNITY_WRITER, 'ru', code);
    fake.allowMessages(DEMO_GROUP_ID, COMMUNITY_WRITER);
    // Bots Long Poll hands out only what arrives after the key was issued: wait for the bot to hold one.
    await expect
      .poll(() => fake.calls.some((call) => call.method === 'groups.getLongPollServer'), { timeout: 90_000 })
      .toBe(true);
    fake.pushLongPollEvent(DEMO_GROUP_ID, {
      type: 'message_new',
      event_id: 'support-community-1',
      object: {
        message: {
          id: 501,
          conversation_message_id: 501,
          date: Math.floor(Date.now() / 1000),
          peer_id: COMMUNITY_WRITER,
          from_id: COMMUNITY_WRITER,
          text: 'Где мой промокод? Пишу в сообщения сообщества',
          out: 0,
        },
        client_info: { keyboard: true, inline_keyboard: true, button_actions: ['text'], lang_id: 0 },
      },
    });
    const launch = supporterLaunch('ru');
    const base = `/api/admin/support/brands/${world.brandId}`;
    const find = async () =>
      (
        await api<{ tickets: { id: number; source: string; platformUserId: string }[] }>(
          launch,
          'GET',
          `${base}/tickets?q=${COMMUNITY_WRITER}`,
        )
      ).tickets.find((t) => t.source === 'bot');
    await expect.poll(find, { timeout: 60_000, interval: 500 }).toBeTruthy();
    const ticketId = (await find())?.id as number;

    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 860,
      mobile: false,
      colorScheme: 'dark',
    });
    try {
      await page.goto(`${launch}#/admin/brand/${world.brandId}/support`);
      const row = page.getByTestId(`inbox-ticket-${ticketId}`);
      await row.waitFor({ timeout: T });
      expect(await row.textContent()).toContain('сообщение сообществу');
      await screenshot(page, 'office-support-inbox-community-desktop-dark-ru');
      await row.click();
      await page.getByTestId('thread-progress').waitFor({ timeout: T });
      await page.getByTestId(`canned-${cannedId}`).click();
      await page.getByTestId('reply-send').click();
      await page.getByText('Ответ отправлен сообщением сообщества').waitFor({ timeout: T });
      await screenshot(page, 'office-support-thread-community-desktop-dark-ru');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const replies = () => fake.delivered.filter((d) => d.peerId === COMMUNITY_WRITER && d.text.includes(code));
    const outbox = () =>
      JSON.stringify(withAppDb(server, (db) => db.prepare("SELECT * FROM outbox WHERE kind = 'support'").all()));
    await expect
      .poll(() => replies().length, { timeout: 60_000, interval: 500 })
      .toBe(1)
      .catch((err: Error) => {
        throw new Error(`${err.message}\noutbox: ${outbox()}\nbot: ${bot?.output()}`);
      });
    expect(replies()[0]?.text, bot?.output()).toContain('Здравствуйте, User!');
    // A few more sender passes: still exactly one.
    await new Promise((r) => setTimeout(r, 3000));
    expect(replies()).toHaveLength(1);
  }, 180_000);
});
