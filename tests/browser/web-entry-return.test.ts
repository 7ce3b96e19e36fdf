/**
 * The web entry keeps the user's place and language through sign-in: a deep link `/web/?lang=ru#/campaign/<id>` on
 * an English browser (and `?lang=en` on a Russian one) signs in through the fake VK ID (tests/fakes/vk-id.ts) and
 * lands on that campaign, interface and campaign texts in the asked language alike. And a session that ends
 * mid-flow (cookies cleared, or signed out on another device) brings the sign-in screen back, which returns to the
 * same screen, instead of an error only a reload could leave. Screenshots under test-results/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkId, startFakeVkId } from '../fakes/vk-id.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const VK_ID_APP = '52000001';
const USER = 300_888;
const T = 20_000;
let server: StartedServer;
let fake: FakeVkId;
let browser: Browser;
/** The demo tasks campaign: its id, and its title as the API gives it in each language. */
let campaign: { id: number; title: { ru: string; en: string } };

beforeAll(async () => {
  fake = await startFakeVkId({ clientId: VK_ID_APP, user: { userId: USER, firstName: 'Лев', lastName: 'Н' } });
  server = await startServerLikeReadme({ env: { VK_ID_APP_ID: VK_ID_APP, VK_ID_BASE_URL: fake.url } });
  browser = await launchChromium();
  const list = async (language: 'ru' | 'en') => {
    const launch = new URL(participantUrl(server, { userId: USER, language }));
    const res = await fetch(`${server.baseUrl}/api/campaigns`, {
      headers: { Authorization: `VK ${launch.search.slice(1)}` },
    });
    const body = (await res.json()) as { campaigns: { id: number; slug: string; title: string }[] };
    const tasks = body.campaigns.find((c) => c.slug === 'summer-tasks');
    if (!tasks) throw new Error('no demo campaign summer-tasks');
    return tasks;
  };
  const [ru, en] = [await list('ru'), await list('en')];
  campaign = { id: ru.id, title: { ru: ru.title, en: en.title } };
  expect(campaign.title.ru).not.toBe(campaign.title.en);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

/** A browser whose own language is `locale`, collecting errors (but the 401s a test causes on purpose). */
async function openBrowser(locale: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, colorScheme: 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { page, context, errors };
}

const hashOf = (page: Page) => new URL(page.url()).hash;

describe('the web entry: back to the asked screen, in one language, and signed-out mid-flow', () => {
  for (const [asked, browserLocale, signInWords, rulesWord] of [
    ['ru', 'en-US', 'Войти с VK ID', 'Правила'],
    ['en', 'ru-RU', 'Sign in with VK ID', 'Rules'],
  ] as const) {
    it(`?lang=${asked} on a ${browserLocale} browser: signs in onto the deep-linked campaign, all in ${asked}`, async () => {
      const { page, context, errors } = await openBrowser(browserLocale);
      try {
        expect(await page.evaluate(() => navigator.language)).toBe(browserLocale);
        await page.goto(`${server.baseUrl}/web/?lang=${asked}#/campaign/${campaign.id}`);
        await page.getByTestId('web-sign-in').waitFor({ timeout: T });
        expect(await page.getByTestId('web-sign-in').textContent()).toContain(signInWords);
        await page.getByTestId('web-sign-in').click();

        // Back from VK ID on the campaign, not the home screen.
        await page.getByTestId('campaign-title').waitFor({ timeout: T });
        expect(hashOf(page)).toBe(`#/campaign/${campaign.id}`);
        // The campaign's texts (from the API) and the interface's words in the same, asked, language.
        expect(await page.getByTestId('campaign-title').textContent()).toBe(campaign.title[asked]);
        expect(await page.getByTestId('campaign-rules').textContent()).toContain(rulesWord);
        const session = await page.evaluate(() => fetch('/api/web/session').then((r) => r.json()));
        expect(session).toMatchObject({ signedIn: true, language: asked });
        // Reopened without `?lang` (a bookmark), the page still follows the session, not the browser.
        await page.goto(`${server.baseUrl}/web/#/campaign/${campaign.id}`);
        await page.getByTestId('campaign-title').waitFor({ timeout: T });
        expect(await page.getByTestId('campaign-rules').textContent()).toContain(rulesWord);
        expect(await page.getByTestId('campaign-title').textContent()).toBe(campaign.title[asked]);
        await screenshot(page, `web-entry-return-${asked}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('cookies cleared or signed out elsewhere mid-flow: the sign-in screen, and back to the same screen', async () => {
    const { page, context, errors } = await openBrowser('en-US');
    try {
      await page.goto(`${server.baseUrl}/web/?lang=en#/campaign/${campaign.id}`);
      await page.getByTestId('web-sign-in').click({ timeout: T });
      await page.getByTestId('campaign-title').waitFor({ timeout: T });

      // The cookies go (cleared by the user, or expired): the next screen's API call meets a 401.
      await context.clearCookies();
      await page.getByTestId('campaign-rules').click();
      await page.getByTestId('web-sign-in').waitFor({ timeout: T });
      expect(await page.getByTestId('load-error').count()).toBe(0);
      expect(hashOf(page)).toBe(`#/campaign/${campaign.id}/rules`);
      expect(await page.getByTestId('web-sign-in').textContent()).toContain('Sign in with VK ID');
      await screenshot(page, 'web-entry-return-signed-out');
      await page.getByTestId('web-sign-in').click();
      // Signed in again, on the screen it was on.
      await page.locator('[data-testid^="rules-"]').first().waitFor({ timeout: T });
      expect(hashOf(page)).toBe(`#/campaign/${campaign.id}/rules`);
      expect(await page.getByTestId('web-sign-in').count()).toBe(0);
      expect(await page.getByTestId('load-error').count()).toBe(0);

      // Signed out on another device: the server ends every session of the user; this page's next call is a 401.
      const cookie = (await context.cookies()).find((c) => c.name === 'promo_web_session');
      expect(cookie).toBeDefined();
      const out = await fetch(`${server.baseUrl}/api/web/logout`, {
        method: 'POST',
        headers: { cookie: `promo_web_session=${cookie?.value}`, Origin: server.baseUrl },
      });
      expect(out.status).toBe(200);
      // Back to the campaign: its own reload of the state may already meet the 401; else opening the rules does.
      await page.goBack();
      await page.getByTestId('web-sign-in').or(page.getByTestId('campaign-rules')).first().waitFor({ timeout: T });
      if (await page.getByTestId('campaign-rules').isVisible()) await page.getByTestId('campaign-rules').click();
      await page.getByTestId('web-sign-in').waitFor({ timeout: T });
      expect(await page.getByTestId('load-error').count()).toBe(0);
      const signedOutAt = hashOf(page);
      expect(signedOutAt).toMatch(new RegExp(`^#/campaign/${campaign.id}(/rules)?$`));
      await page.getByTestId('web-sign-in').click();
      await page
        .getByTestId('campaign-title')
        .or(page.locator('[data-testid^="rules-"]'))
        .first()
        .waitFor({ timeout: T });
      expect(hashOf(page)).toBe(signedOutAt);
      expect(await page.getByTestId('web-sign-in').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
