/**
 * Decision 084 in Chromium: the agency owner sets up a connected community's Callback API server on the brand's
 * page — sees the address to paste into VK, types VK's confirmation string and the secret, saves — and VK's
 * confirmation to that address is then answered with that string (the server the README starts). The secret is shown
 * nowhere again, not in the page nor after a reload. Saved with the secret alone, the page warns that VK will not confirm
 * the server (and VK is told why, a 409: decision 094). Phone light in Russian, desktop dark in English.
 * Screenshots under test-results/screenshots/office-community-callback-*.png.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Makes a VK user the owner (agency_admin) of the demo agency, in the running server's database. */
function makeOwner(userId: number) {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const agency = db.prepare('select id from agencies order by id limit 1').get() as { id: number };
    db.prepare(
      "insert into memberships (platform, platform_user_id, agency_id, brand_id, role, sections) values ('vk', ?, ?, null, 'agency_admin', '[]')",
    ).run(String(userId), agency.id);
  } finally {
    db.close();
  }
}

const T = 20_000;
const TOKEN = `vk1.a.${'Kp4'.repeat(50)}c9d2`;
const viewports = [
  {
    name: 'phone',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    user: 7401,
    language: 'ru',
    group: 210000401,
    status: 'строка подтверждения {code} · секретный ключ задан',
    none: 'строки подтверждения нет · секретного ключа нет — события не принимаются',
    secretOnly: 'строки подтверждения нет · секретный ключ задан',
    noCode: 'Код подтверждения не задан — ВКонтакте не подтвердит сервер',
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    user: 7402,
    language: 'en',
    group: 210000402,
    status: 'confirmation string {code} · secret key set',
    none: 'no confirmation string · no secret key: events are refused',
    secretOnly: 'no confirmation string · secret key set',
    noCode: 'No confirmation string set: VK will not confirm the server',
  },
] as const;

describe("a community's Callback API in the agency office", () => {
  for (const vp of viewports) {
    it(`the owner sets the code and secret; VK's confirmation is answered; the secret never shows (${vp.name})`, async () => {
      makeOwner(vp.user);
      const code = `c0de${vp.group % 1000}`;
      const secret = `Chosen${vp.name}Secret77`;
      const { page, errors, context } = await openWatchedPage(browser, vp);
      try {
        await page.goto(`${participantUrl(server, { userId: vp.user, language: vp.language })}#/admin/agency`);
        const brandName = `Callback ${vp.name}`;
        await page.locator('#agency-new-brand').waitFor({ timeout: T });
        await page.locator('#agency-new-brand').fill(brandName);
        await page.getByRole('button', { name: /Создать|Create/ }).click();
        await page.getByText(brandName).click({ timeout: T });
        await page.locator('#agency-group-id').waitFor({ timeout: T });
        await page.locator('#agency-group-id').fill(String(vp.group));
        await page.locator('#agency-group-name').fill(`Community ${vp.name}`);
        await page.locator('#agency-group-token').fill(TOKEN);
        await page
          .getByRole('button', { name: /Подключить|Connect/ })
          .first()
          .click();

        const id = `community-${vp.group}-callback`;
        const status = page.getByTestId(`${id}-status`);
        await expect.poll(() => status.textContent(), { timeout: T }).toBe(vp.none);
        await page.getByTestId(`${id}-edit`).click();
        const url = await page.locator(`#${id}-url`).inputValue();
        expect(url).toBe(`${new URL(server.baseUrl).origin}/vk/callback`);
        // What VK would not take is said before anything is sent.
        await page.locator(`#${id}-secret`).fill('short');
        expect(await page.getByTestId(`${id}-save`).isDisabled()).toBe(true);
        await page
          .getByText(vp.language === 'ru' ? 'От 8 до 50 латинских букв и цифр' : '8 to 50 Latin letters and digits')
          .waitFor();
        const confirm = (s: string) =>
          fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ type: 'confirmation', group_id: vp.group, secret: s }),
          });
        // The secret alone: events are taken, but VK cannot confirm the server, and the page says so (decision 094).
        await page.locator(`#${id}-secret`).fill(secret);
        await page.getByTestId(`${id}-save`).click();
        await expect.poll(() => status.textContent(), { timeout: T }).toBe(vp.secretOnly);
        expect(await page.getByTestId(`${id}-no-code`).textContent()).toBe(vp.noCode);
        await screenshot(page, `office-community-callback-no-code-${vp.name}-${vp.colorScheme}`);
        const unconfirmed = await confirm(secret);
        expect(unconfirmed.status).toBe(409);
        expect((await unconfirmed.json()).error.code).toBe('confirmation_not_set');

        await page.getByTestId(`${id}-edit`).click();
        await page.locator(`#${id}-code`).fill(code);
        await page.locator(`#${id}-secret`).fill(secret);
        await screenshot(page, `office-community-callback-form-${vp.name}-${vp.colorScheme}`);
        await page.getByTestId(`${id}-save`).click();
        await expect.poll(() => status.textContent(), { timeout: T }).toBe(vp.status.replace('{code}', code));
        expect(await page.getByTestId(`${id}-no-code`).count()).toBe(0);
        expect(await page.content()).not.toContain(secret);
        await screenshot(page, `office-community-callback-set-${vp.name}-${vp.colorScheme}`);
        await page.reload();
        await expect
          .poll(() => page.getByTestId(`${id}-status`).textContent(), { timeout: T })
          .toBe(vp.status.replace('{code}', code));
        expect(await page.content()).not.toContain(secret);

        // VK, at the address shown: confirmed with the code for this community's secret, refused without it.
        const answered = await confirm(secret);
        expect([answered.status, await answered.text()]).toEqual([200, code]);
        expect((await confirm(`${secret}x`)).status).toBe(403);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
