/**
 * Issue 16 item 5 in Chromium (desktop light in Russian, phone dark in English): a brand member whose ONLY section is
 * `mailings` composes a broadcast in two languages, watches the audience count follow the segment, sees the
 * missing-language warning go once both texts exist, dry-runs, sends now; the bot (`npm run bot`, its sender pointed
 * at the fake VK API) delivers, and the progress page reaches 100%. Each recipient gets the text of their language.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID } from '../../server/seed/demo-ids.ts';
import { type BotProcess, killStartedBots, npmRunBot } from '../bot/bot-process.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 30_000;
const MAILER = 760_001;
const RU = [760_101, 760_102, 760_103];
const EN = [760_201, 760_202];

let server: StartedServer;
let browser: Browser;
let fake: FakeVkApi;
let bot: BotProcess | undefined;
let campaignId: number;

/** The member with only `mailings` on the demo brand, and recipients (Russian and English) who allowed messages. */
function seedWorld(): number {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const c = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c JOIN brands b ON b.id = c.brand_id ' +
          "JOIN communities m ON m.id = c.community_id WHERE c.slug = 'summer-tasks'",
      )
      .get() as { id: number; brandId: number; agencyId: number };
    addBrandMember(server, { userId: MAILER, brandId: c.brandId, sections: ['mailings'] });
    const now = Date.now();
    for (const [users, language] of [
      [RU, 'ru'],
      [EN, 'en'],
    ] as const) {
      for (const user of users) {
        db.prepare(
          "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, language, last_seen_at) VALUES (?, 'vk', ?, ?, ?, ?, ?)",
        ).run(c.id, String(user), now, `mail${user}`, language, now);
        db.prepare(
          "INSERT INTO consents (vk_group_id, vk_user_id, channel, allowed, source, updated_at) VALUES (?, ?, 'message', 1, 'message_allow', ?)",
        ).run(DEMO_GROUP_ID, user, now);
        fake.allowMessages(DEMO_GROUP_ID, user);
      }
    }
    return c.id;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  fake = await startFakeVkApi();
  server = await startServerLikeReadme();
  campaignId = seedWorld();
  bot = npmRunBot({
    DATABASE_PATH: join(server.dataDir, 'app.db'),
    VK_GROUP_ID: String(DEMO_GROUP_ID),
    VK_GROUP_TOKEN: `group:${DEMO_GROUP_ID}`,
    VK_API_BASE_URL: fake.url,
    OUTBOX_LEASE_MS: '5000',
  });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  killStartedBots();
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const audience = async (page: import('playwright-core').Page) =>
  Number(((await page.getByTestId('audience-number').textContent({ timeout: T })) ?? '').replace(/\D/g, ''));

const viewports = [
  { name: 'desktop-light-ru', width: 1280, height: 900, mobile: false, colorScheme: 'light', language: 'ru' },
  { name: 'phone-dark-en', width: 390, height: 844, mobile: true, colorScheme: 'dark', language: 'en' },
] as const;

describe('item 5: the mailings office in Chromium', () => {
  for (const vp of viewports) {
    it(`item 5: a mailings-only member composes in two languages, dry-runs, sends and watches 100% (${vp.name})`, async () => {
      const w = await openWatchedPage(browser, vp);
      const { page } = w;
      try {
        const url = participantUrl(server, { userId: MAILER, language: vp.language });
        await page.goto(`${url}#/admin/campaign/${campaignId}/mailings`);
        await page.getByTestId('new-broadcast').click({ timeout: T });
        await page.getByTestId('broadcast-name').waitFor({ timeout: T });

        // Stages are offered by name, never as raw keys (task_done, task:invite): the audience and the goal pickers.
        for (const picker of ['segment-stage', 'target-stage']) {
          const stages = await page
            .locator(`[data-testid="${picker}"] option, select[data-testid="${picker}"] option`)
            .allTextContents();
          expect(stages.length, picker).toBeGreaterThan(2);
          expect(stages.join(' | '), picker).not.toMatch(/_|task:/);
          expect(stages, picker).toContain(vp.language === 'ru' ? 'Открыли акцию' : 'Opened the campaign');
        }

        // The live count: everyone with consent, then only the English speakers, then everyone again.
        const everyone = await audience(page);
        expect(everyone).toBeGreaterThanOrEqual(RU.length + EN.length);
        await page
          .getByTestId('segment-language')
          .getByText(vp.language === 'ru' ? 'английский' : 'English')
          .click();
        await expect.poll(() => audience(page), { timeout: T }).toBe(EN.length);
        await page
          .getByTestId('segment-language')
          .getByText(vp.language === 'ru' ? 'Все языки' : 'All languages')
          .click();
        await expect.poll(() => audience(page), { timeout: T }).toBe(everyone);

        const tag = `${vp.name}`;
        await page.locator('#broadcast-name').fill(`News ${tag}`);
        // No text yet: the refusal says what to write, not "Текст ()".
        await page.getByTestId('dry-run').click();
        expect(await page.getByTestId('composer-status').textContent()).toBe(
          vp.language === 'ru' ? 'Напишите текст хотя бы на одном языке' : 'Write the text in at least one language',
        );
        await page.locator('#broadcast-text-ru').fill(`Новости ${tag}`);
        await page.getByTestId('missing-en').waitFor({ timeout: T });
        await page.locator('#broadcast-text-en').fill(`News ${tag}`);
        await page.getByTestId('missing-en').waitFor({ state: 'detached', timeout: T });
        // VKUI puts the test id on the field's wrapper: the native control is inside it.
        await page
          .locator('[data-testid="broadcast-link"] select, select[data-testid="broadcast-link"]')
          .selectOption({ index: 3 });
        await page.getByTestId('vk-preview-ru').scrollIntoViewIfNeeded();
        // The bubble's sender is the campaign's community (the demo's), not the screen's title.
        expect(await page.getByTestId('vk-preview-ru').textContent()).toContain('Demo Brand community');
        await screenshot(page, `office-mailings-composer-${vp.name}`);

        // Left unsent (Back), the half-written broadcast is there when the composer opens again.
        // The panel VKUI shows now: a leaving one may still be in the page during the transition.
        const back = () =>
          page
            .locator('.vkuiView__panelActive')
            .last()
            .getByRole('button', { name: /Назад|Back/ })
            .first()
            .click();
        await back();
        await page.getByTestId('new-broadcast').click({ timeout: T });
        await page.getByTestId('broadcast-draft-restored').waitFor({ timeout: T });
        await screenshot(page, `office-mailings-draft-restored-${vp.name}`);
        expect(await page.locator('#broadcast-name').inputValue()).toBe(`News ${tag}`);
        expect(await page.locator('#broadcast-text-ru').inputValue()).toBe(`Новости ${tag}`);
        expect(await page.locator('#broadcast-text-en').inputValue()).toBe(`News ${tag}`);
        const link = page.locator('[data-testid="broadcast-link"] select, select[data-testid="broadcast-link"]');
        expect(await link.inputValue()).not.toBe('');

        // "Send now" is held until quiet hours end in the community's zone (22:00-09:00 by default), so a run at night
        // would wait for the morning: the brand ticks "send during quiet hours too", as one who means now would.
        await page.getByTestId('ignore-quiet').click();
        expect(await page.getByTestId('ignore-quiet').locator('input').isChecked()).toBe(true);
        await page.getByTestId('dry-run').click();
        await expect
          .poll(async () => (await page.getByTestId('composer-status').textContent()) ?? '', { timeout: T })
          .toContain(String(everyone));
        expect(fake.delivered.filter((d) => d.text.includes(tag))).toHaveLength(0);

        await page.getByTestId('send-now').click();
        // Asked first, with the count (office-send-confirm-and-reply-form.test.ts covers the question itself).
        await page.getByTestId('send-now-yes').click({ timeout: T });
        await page.getByTestId('progress-percent').waitFor({ timeout: T });
        await expect
          .poll(async () => page.getByTestId('progress-percent').textContent(), { timeout: 60_000, interval: 500 })
          .toBe(vp.language === 'ru' ? '100\u00a0%' : '100%');
        await screenshot(page, `office-mailings-progress-${vp.name}`);

        const got = (user: number) => fake.delivered.find((d) => d.peerId === user && d.text.includes(tag))?.text;
        for (const user of RU) expect(got(user), bot?.output()).toBe(`Новости ${tag}`);
        for (const user of EN) expect(got(user), bot?.output()).toBe(`News ${tag}`);
        // Sent, it is not offered again: the next broadcast starts empty.
        await back();
        await page.getByTestId('new-broadcast').click({ timeout: T });
        await page.getByTestId('broadcast-name').waitFor({ timeout: T });
        expect(await page.locator('#broadcast-name').inputValue()).toBe('');
        expect(await page.getByTestId('broadcast-draft-restored').count()).toBe(0);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    }, 180_000);
  }

  it('a funnel rule made in the editor; two members edit it: the older copy is refused with its text kept, the saved one loads', async () => {
    const { page, context, errors } = await openWatchedPage(browser, viewports[1]);
    try {
      const url = participantUrl(server, { userId: MAILER, language: 'ru' });
      await page.goto(`${url}#/admin/campaign/${campaignId}/mailings/rule/new`);
      await page.locator('#rule-name').fill('Напомнить о задании');
      await page.locator('textarea').first().fill('Осталось одно задание — и приз ваш!');
      await page.getByTestId('rule-save').click();
      const editor = `${url}#/admin/campaign/${campaignId}/mailings`;
      await page.waitForURL(/\/mailings$/, { timeout: T });
      await page.getByText('Напомнить о задании').click();
      await page.locator('#rule-name').waitFor({ timeout: T });
      const ruleUrl = page.url();

      // A colleague opens the same rule; the first member renames it and saves.
      const colleague = await context.newPage();
      await colleague.goto(ruleUrl);
      await colleague.locator('#rule-name').waitFor({ timeout: T });
      await page.locator('#rule-name').fill('Напомнить о задании (сутки)');
      await page.getByTestId('rule-save').click();
      await page.waitForURL(/\/mailings$/, { timeout: T });

      // The colleague's save of the copy they opened is refused; their text stays until they load the saved rule.
      await colleague.locator('textarea').first().fill('Текст коллеги');
      await colleague.getByTestId('rule-save').click();
      await colleague.getByTestId('rule-load-saved').waitFor({ timeout: T });
      expect(await colleague.getByTestId('rule-error').textContent()).toContain('это сохранил кто-то другой');
      expect(await colleague.locator('textarea').first().inputValue()).toBe('Текст коллеги');
      await screenshot(colleague, 'office-mailings-rule-stale-phone-dark');
      await colleague.getByTestId('rule-load-saved').click();
      await expect
        .poll(() => colleague.locator('#rule-name').inputValue(), { timeout: T })
        .toBe('Напомнить о задании (сутки)');
      await colleague.locator('textarea').first().fill('Текст коллеги');
      await colleague.getByTestId('rule-save').click();
      await colleague.waitForURL(/\/mailings$/, { timeout: T });
      await page.goto(editor);
      await page.getByText('Напомнить о задании (сутки)').click();
      await expect.poll(() => page.locator('textarea').first().inputValue(), { timeout: T }).toBe('Текст коллеги');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
