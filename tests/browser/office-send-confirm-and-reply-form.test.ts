/**
 * A brand manager's "Send now" asks first (Chromium, desktop light in Russian, phone dark in English). Before, one
 * click on «Отправить сейчас» messaged the whole audience at once; now VKUI's Alert asks «Отправить 1 250
 * получателям?» with the server's count of that very broadcast: «Отмена» writes nothing, «Отправить» sends and opens
 * its progress, where «Остановить рассылку» asks in the same Alert (it was the browser's confirm()). No bot here: the
 * test looks at the broadcast the server wrote, not at its delivery.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 30_000;
const MANAGER = 780_001;
/** English-speaking participants who allowed messages: a count big enough to be written in groups (1 250). */
const RECIPIENTS = 1250;
const FIRST_RECIPIENT = 780_100;

let server: StartedServer;
let browser: Browser;
let campaignId: number;
let brandId: number;

const broadcastsNamed = (name: string) =>
  withAppDb(
    server,
    (db) =>
      db.prepare('SELECT enqueued_count AS enqueued FROM broadcasts WHERE name = ?').all(name) as {
        enqueued: number;
      }[],
  );

const broadcastStatus = (name: string) =>
  withAppDb(
    server,
    (db) =>
      (db.prepare('SELECT status FROM broadcasts WHERE name = ?').get(name) as { status: string } | undefined)?.status,
  );

beforeAll(async () => {
  server = await startServerLikeReadme();
  campaignId = withAppDb(server, (db) => {
    const c = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c JOIN brands b ON b.id = c.brand_id ' +
          "WHERE c.slug = 'summer-tasks'",
      )
      .get() as { id: number; brandId: number; agencyId: number };
    addBrandMember(server, { userId: MANAGER, brandId: c.brandId, sections: ['mailings', 'support'] });
    const now = Date.now();
    const participant = db.prepare(
      "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, language, last_seen_at) VALUES (?, 'vk', ?, ?, ?, 'en', ?)",
    );
    const consent = db.prepare(
      "INSERT INTO consents (vk_group_id, vk_user_id, channel, allowed, source, updated_at) VALUES (?, ?, 'message', 1, 'message_allow', ?)",
    );
    db.transaction(() => {
      for (let user = FIRST_RECIPIENT; user < FIRST_RECIPIENT + RECIPIENTS; user++) {
        participant.run(c.id, String(user), now, `ask${user}`, now);
        consent.run(DEMO_GROUP_ID, user, now);
      }
    })();
    brandId = c.brandId;
    return c.id;
  });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const audienceDigits = (page: Page) => async () =>
  ((await page.getByTestId('audience-number').textContent()) ?? '').replace(/\D/g, '');

/** Opens a new broadcast to the English speakers, named and written, and waits for its audience count. */
async function compose(page: Page, language: 'ru' | 'en', name: string): Promise<void> {
  await page.goto(`${participantUrl(server, { userId: MANAGER, language })}#/admin/campaign/${campaignId}/mailings`);
  await page.getByTestId('new-broadcast').click({ timeout: T });
  await page.locator('#broadcast-name').fill(name);
  await page.locator('#broadcast-text-en').fill(`News for ${name}`);
  await page
    .getByTestId('segment-language')
    .getByText(language === 'ru' ? 'английский' : 'English')
    .click();
  await expect.poll(audienceDigits(page), { timeout: T }).toBe(String(RECIPIENTS));
  // Held for the morning otherwise when the test runs at night (quiet hours): a manager who means now ticks it.
  await page.getByTestId('ignore-quiet').click();
}

/** The Alert's words for the broadcast `name`, as it shows them (VKUI puts it in a portal, outside the panel). */
const alertText = async (page: Page, name: string) => {
  const alert = page.getByRole('alertdialog');
  await alert.waitFor({ timeout: T }).catch((err: Error) => {
    const written = JSON.stringify(
      withAppDb(server, (db) => db.prepare('SELECT status, enqueued_count FROM broadcasts WHERE name = ?').all(name)),
    );
    throw new Error(`No question asked; broadcasts written: ${written}. ${err}`);
  });
  // Read (and pictured) once VKUI's fade-in has ended (a spinner's endless turn is no fade-in).
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: T },
  );
  return (await alert.textContent()) ?? '';
};

describe('"Send now" asks first, naming how many', () => {
  it('desktop light ru: «Отправить 1 250 получателям?»; «Отмена» sends nothing, «Отправить» sends once, stopping it asks too', async () => {
    const w = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    const { page } = w;
    const name = 'Новости для всех';
    try {
      await compose(page, 'ru', name);
      await page.getByTestId('send-now').click();
      // Red before: the broadcast went out at this click, with no question.
      expect(await alertText(page, name)).toContain('Отправить 1\u00a0250 получателям?');
      await screenshot(page, 'office-send-now-asks-desktop-light-ru');
      await page.getByTestId('send-now-back').click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached', timeout: T });
      expect(broadcastsNamed(name)).toEqual([]);
      expect(await page.locator('#broadcast-name').inputValue()).toBe(name);
      // The count above the buttons is written as the question writes it (before: «Получат: 1250»).
      expect(await page.getByTestId('audience-number').textContent()).toBe('Получат: 1\u00a0250');

      await page.getByTestId('send-now').click();
      await alertText(page, name);
      await page.getByTestId('send-now-yes').click();
      await page.getByTestId('progress-percent').waitFor({ timeout: T });
      expect(broadcastsNamed(name)).toEqual([{ enqueued: RECIPIENTS }]);

      // No bot runs here, so all 1 250 wait: stopping them asks in the same way (before: the browser's confirm(),
      // which a client's frame may not show at all), and «Остановить» stops them.
      await page.getByTestId('cancel-broadcast').click();
      expect(await alertText(page, name)).toContain('Ещё не отправленные сообщения не уйдут');
      await page.getByTestId('cancel-broadcast-yes').click();
      await expect.poll(() => broadcastStatus(name), { timeout: T }).toBe('cancelled');
      expect(w.errors).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('phone dark en: "Send to 1,250 recipients?", and Cancel sends nothing', async () => {
    const w = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'dark' });
    const { page } = w;
    const name = 'News for everyone';
    try {
      await compose(page, 'en', name);
      await page.getByTestId('send-now').click();
      const words = await alertText(page, name);
      expect(words).toContain('Send to 1,250 recipients?');
      expect(words).not.toMatch(/[а-яё]/i);
      // Its close cross is on the screen, not cut by its edge.
      const cross = await page.getByTestId('send-now-dismiss').boundingBox();
      expect(cross && cross.x + cross.width).toBeLessThanOrEqual(390);
      await screenshot(page, 'office-send-now-asks-phone-dark-en');
      await page.getByTestId('send-now-back').click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached', timeout: T });
      expect(broadcastsNamed(name)).toEqual([]);
      expect(await page.getByTestId('audience-number').textContent()).toBe('Recipients: 1,250');
      expect(w.errors).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

/** The group's first words and how far below the group's top edge they sit (px). */
const firstWords = (group: Locator) =>
  group.evaluate((g) => {
    const walker = document.createTreeWalker(g, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    });
    const first = walker.nextNode();
    const range = document.createRange();
    if (first) range.selectNodeContents(first);
    return { text: first?.textContent?.trim(), gap: range.getBoundingClientRect().top - g.getBoundingClientRect().top };
  });

/** The group (VKUI renders a section) that holds the reply box. */
const answerGroup = (page: Page) =>
  page
    .locator('section')
    .filter({ has: page.locator('#reply-body') })
    .last();

describe('the support reply area on desktop', () => {
  it('desktop light ru: «Ответ» sits at the top of its group as the request does in its own, canned answers under their name', async () => {
    const asker = participantUrl(server, { userId: FIRST_RECIPIENT, language: 'ru' });
    const res = await fetch(`${server.baseUrl}/api/support/tickets`, {
      method: 'POST',
      headers: { Authorization: `VK ${new URL(asker).search.slice(1)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ campaignId, subject: 'Где мой код?', body: 'Выполнил задание, а кода нет.' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const ticketId = ((await res.json()) as { ticket: { id: number } }).ticket.id;
    const w = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    const { page } = w;
    const manager = participantUrl(server, { userId: MANAGER, language: 'ru' });
    try {
      await page.goto(`${manager}#/admin/brand/${brandId}/support/ticket/${ticketId}`);
      await page.getByTestId('reply-body').waitFor({ timeout: T });
      await screenshot(page, 'office-support-reply-desktop-light-ru');
      const request = await firstWords(page.getByTestId('thread-messages'));
      expect(request.text).toBe('Где мой код?');
      // Red before: an empty row of canned answers (the brand has none) put a blank strip above «Ответ» (50 px).
      const reply = await firstWords(answerGroup(page));
      expect(reply.text).toBe('Ответ');
      expect(reply.gap).toBeLessThanOrEqual(request.gap + 4);

      // With canned answers, they come first, named as the library names them, at the same place.
      const canned = await fetch(`${server.baseUrl}/api/admin/support/brands/${brandId}/canned`, {
        method: 'POST',
        headers: { Authorization: `VK ${new URL(manager).search.slice(1)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Код в «Моих призах»', bodyRu: 'Код в разделе «Мои призы».' }),
      });
      expect(canned.status, await canned.clone().text()).toBe(201);
      await page.reload();
      await page.getByText('Код в «Моих призах»').waitFor({ timeout: T });
      const withCanned = await firstWords(answerGroup(page));
      expect(withCanned.text).toBe('Шаблоны ответов');
      expect(withCanned.gap).toBeLessThanOrEqual(request.gap + 4);
      await screenshot(page, 'office-support-reply-canned-desktop-light-ru');
      expect(w.errors).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});
