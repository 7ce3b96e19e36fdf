/**
 * Issue 15's optional community admin claim, through the screens: off by default, an admin of the demo community who
 * has no rights finds no office entry; the agency owner switches the claim on in the agency settings; the same admin
 * then has the entry, is offered the claim, takes it and lands in the brand's office; the audit log names both
 * changes. And the first screen's office entry follows the server's answer, not the launch's community role: the
 * agency owner (no community role) has it, a participant has not.
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

/**
 * Opens the first screen: whether it has the office's entry. The office's answer comes embedded with the list (a VK
 * launch), so the entry, if any, is drawn with it; a second's wait covers a slower machine.
 */
async function openHome(page: Page, o: { userId: number; role?: 'admin' | 'member' }): Promise<boolean> {
  await page.goto(participantUrl(server, { ...o, language: 'ru' }));
  await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
  await page.waitForTimeout(1000);
  return (await page.getByTestId('office-entry').count()) === 1;
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
      expect(await openHome(page, { userId: 100_001 })).toBe(false);
      expect(await openHome(page, { userId: DEMO_AGENCY_OWNER_VK_ID })).toBe(true);
      expect(await openHome(page, { userId: COMMUNITY_ADMIN, role: 'admin' })).toBe(false);
      // Its address typed by hand: the ordinary not-found screen, no claim.
      await page.evaluate(() => {
        location.hash = '#/admin';
      });
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

      // The community admin: has the entry now, is offered the claim, takes it, and is in the brand's office.
      expect(await openHome(page, { userId: COMMUNITY_ADMIN, role: 'admin' })).toBe(true);
      await page.getByTestId('office-entry').click();
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
