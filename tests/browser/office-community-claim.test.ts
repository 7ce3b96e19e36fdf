/**
 * Issue 15's optional community admin claim, through the screens: off by default, an admin of the demo community who
 * has no rights finds no office; the agency owner switches the claim on in the agency settings; the same admin is
 * then offered the claim, takes it and lands in the brand's office; the audit log names both changes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_OWNER_VK_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const T = 20_000;
/** A community admin the demo gives no rights (not the demo's brand admin 100002). */
const COMMUNITY_ADMIN = 100_077;
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

async function openOfficeAsCommunityAdmin(page: Page) {
  await page.goto(participantUrl(server, { userId: COMMUNITY_ADMIN, language: 'ru', role: 'admin' }));
  await page.getByText('Управление акциями').click({ timeout: T });
}

describe('the community admin claim', () => {
  it('off: no office; the owner switches it on; the admin claims the brand and works in its office', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'light',
      mobile: true,
    });
    try {
      await openOfficeAsCommunityAdmin(page);
      await page.getByTestId('not-found').waitFor({ timeout: T });
      expect(await page.getByTestId('office-community-claim').count()).toBe(0);

      // The agency owner's settings: the switch, off by default; on, and still on after a reload.
      const owner = `${participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'ru' })}#/admin/agency/settings`;
      await page.goto(owner);
      const toggle = page.getByTestId('agency-community-claim');
      await toggle.waitFor({ state: 'attached', timeout: T });
      expect(await toggle.isChecked()).toBe(false);
      await page.getByText('Админы сообществ могут стать администраторами бренда').click();
      await expect.poll(() => toggle.isChecked(), { timeout: T }).toBe(true);
      await screenshot(page, 'office-community-claim-setting');
      await page.reload();
      await page.getByTestId('agency-community-claim').waitFor({ state: 'attached', timeout: T });
      await expect.poll(() => page.getByTestId('agency-community-claim').isChecked(), { timeout: T }).toBe(true);

      // The community admin: offered the claim, takes it, and is in the brand's office.
      await openOfficeAsCommunityAdmin(page);
      await page.getByTestId('office-community-claim').click({ timeout: T });
      await page.getByTestId('office-new-campaign').waitFor({ timeout: T });
      await page.getByTestId('office-nav-team').waitFor({ timeout: T });
      await screenshot(page, 'office-community-claim-done');

      // The audit log, read by the agency owner, names the switch and the claim.
      await page.goto(`${participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'ru' })}#/admin/audit`);
      await expect
        .poll(() => page.locator('body').textContent(), { timeout: T })
        .toMatch(/Изменено право админов сообщества стать администратором бренда/);
      expect(await page.locator('body').textContent()).toMatch(/Админ сообщества стал администратором бренда/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
