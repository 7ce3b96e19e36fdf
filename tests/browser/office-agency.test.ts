/**
 * Items 4 and 5: the agency owner in Chromium — creates a brand, connects a VK community (the token comes back
 * masked), sets the white label and sees it in the office header. Phone light in Russian, desktop dark in English.
 * Screenshots under test-results/screenshots/office-agency-*.png.
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
});
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

const TOKEN = `vk1.a.${'Zq9'.repeat(50)}b7e1`;
const viewports = [
  {
    name: 'phone',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    user: 7301,
    language: 'ru',
    group: 210000301,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    user: 7302,
    language: 'en',
    group: 210000302,
  },
] as const;

describe('office agency', () => {
  for (const vp of viewports) {
    it(`item 4: owner creates a brand, connects a community (token masked), sets the white label and sees it (${vp.name})`, async () => {
      makeOwner(vp.user);
      const { page, errors, context } = await openWatchedPage(browser, vp);
      try {
        await page.goto(`${participantUrl(server, { userId: vp.user, language: vp.language })}#/admin/agency`);
        const brandName = `Бренд ${vp.name}`;
        await page.locator('#agency-new-brand').waitFor({ timeout: 20_000 });
        await page.locator('#agency-new-brand').fill(brandName);
        await page.getByRole('button', { name: /Создать|Create/ }).click();
        await page.getByText(brandName).waitFor({ timeout: 15_000 });
        await screenshot(page, `office-agency-brands-${vp.name}-${vp.colorScheme}`);

        await page.getByText(brandName).click();
        await page.locator('#agency-group-id').waitFor({ timeout: 15_000 });
        await page.locator('#agency-group-id').fill(String(vp.group));
        await page.locator('#agency-group-name').fill(`Community ${vp.name}`);
        await page.locator('#agency-group-token').fill(TOKEN);
        await page
          .getByRole('button', { name: /Подключить|Connect/ })
          .first()
          .click();
        const masked = page.getByTestId(`community-${vp.group}-token`);
        await expect.poll(() => masked.textContent(), { timeout: 15_000 }).toBe('vk1.a…b7e1');
        expect(await page.content()).not.toContain(TOKEN.slice(10, 30));
        await screenshot(page, `office-agency-brand-${vp.name}-${vp.colorScheme}`);
        // A link into another office page while the brand page is open (as a notification's deep link would): the
        // brand page stays mounted under the new route and must not ask for a brand of its own any more.
        const asked: string[] = [];
        page.on('request', (r) => asked.push(r.url()));
        await page.evaluate(() => {
          location.hash = '#/admin/agency/team';
        });
        await page.getByTestId(`agency-person-${vp.user}`).waitFor({ timeout: 15_000 });
        expect(asked.filter((u) => /\/agency\/brands\/(?!\d+(\/|$))/.test(u))).toEqual([]);

        await page.goto(`${participantUrl(server, { userId: vp.user, language: vp.language })}#/admin/agency/settings`);
        await page.locator('#agency-name').waitFor({ timeout: 20_000 });
        const agencyName = `Северный ветер ${vp.name}`;
        await page.locator('#agency-name').fill(agencyName);
        await page.locator('#agency-accent').fill('#1a7f5a');
        await page.getByRole('button', { name: /Сохранить|Save/ }).click();
        await page.getByText(/Сохранено|Saved/).waitFor({ timeout: 15_000 });
        await screenshot(page, `office-agency-settings-${vp.name}-${vp.colorScheme}`);

        // A fresh office session shows the agency's name in the header.
        const fresh = await context.newPage();
        await fresh.goto(`${participantUrl(server, { userId: vp.user, language: vp.language })}#/admin/agency`);
        await expect
          .poll(() => fresh.getByTestId('agency-header').textContent(), { timeout: 20_000 })
          .toContain(agencyName);
        await screenshot(fresh, `office-agency-header-${vp.name}-${vp.colorScheme}`);
        await fresh.close();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  it("item 5: the brand's own admin has no agency office: its addresses show not found, and nothing is asked", async () => {
    const { page, errors, context } = await openWatchedPage(browser, { width: 375, height: 812, colorScheme: 'light' });
    try {
      const asked: string[] = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      for (const route of ['/admin/agency', '/admin/agency/settings']) {
        await page.goto(`${server.adminUrl}#${route}`);
        await page.getByTestId('not-found').waitFor({ timeout: 20_000 });
      }
      await screenshot(page, 'office-agency-not-a-member-phone-light');
      expect(asked.filter((p) => p.startsWith('/api/admin/agency'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
