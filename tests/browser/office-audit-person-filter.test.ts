/**
 * The audit log's person filter picks one person by platform and id (decision 109), in Chromium on a desktop, in
 * English: VK user 5550001 paused a campaign and OK user 5550001 resumed it; picking «OK · 5550001» lists only the
 * resume, picking «VK · id5550001» only the pause. Before 109 the two were one entry of the filter (keyed by the id
 * alone), and filtering by it listed both people's acts.
 * Screenshot: test-results/screenshots/office-audit-person-filter.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, demoCampaign } from './office-members.ts';

const AGENCY_OWNER = 7721;
const SAME_ID = '5550001';
const T = 20_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const c = demoCampaign(server);
  addAgencyOwner(server, { userId: AGENCY_OWNER, agencyId: c.agencyId });
  // Two people with one id on two platforms, each with one act on the brand's campaign.
  withAppDb(server, (db) => {
    const act = db.prepare(
      "INSERT INTO office_audit (brand_id, agency_id, actor_platform, actor_user_id, section, action, entity, entity_id) VALUES (?, ?, ?, ?, 'campaigns', ?, 'campaign', ?)",
    );
    act.run(c.brandId, c.agencyId, 'vk', SAME_ID, 'campaign.paused', String(c.id));
    act.run(c.brandId, c.agencyId, 'ok', SAME_ID, 'campaign.resume', String(c.id));
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The acts the log lists, by their words. */
const actsShown = (page: Page) =>
  page
    .locator('[data-testid^="audit-entry-"]')
    .evaluateAll((cells) =>
      cells.flatMap((c) =>
        ['Campaign paused', 'Campaign resumed'].filter((w) => (c.textContent ?? '').includes(w)).slice(0, 1),
      ),
    );

/** Clears the person picked before, if any (VKUI's search keeps its text, so it offers only that one), then picks. */
async function pickPerson(page: Page, label: string) {
  const field = page.locator('#audit-person');
  if ((await field.inputValue()) !== '') {
    await page.getByTestId('audit-filters').getByRole('button', { name: 'Clear', exact: true }).first().click();
    await expect.poll(() => field.inputValue()).toBe('');
  }
  await field.click();
  await page.getByRole('option', { name: label, exact: true }).click({ timeout: 5_000 });
}

describe('the audit log filtered by one person', () => {
  it('lists only that person’s acts when another platform has a person with the same id (desktop, en)', async () => {
    const url = participantUrl(server, { userId: AGENCY_OWNER, language: 'en' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      mobile: false,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${url.split('#')[0]}#/admin/audit`);
      await page.getByTestId('audit-filters').waitFor({ timeout: T });
      await expect.poll(() => actsShown(page), { timeout: T }).toEqual(['Campaign resumed', 'Campaign paused']);

      await pickPerson(page, `OK · ${SAME_ID}`);
      await expect.poll(() => actsShown(page), { timeout: T }).toEqual(['Campaign resumed']);
      expect(await page.locator('[data-testid^="audit-entry-"]').first().textContent()).toContain(`OK · ${SAME_ID}`);
      await screenshot(page, 'office-audit-person-filter');

      await pickPerson(page, `VK · id${SAME_ID}`);
      await expect.poll(() => actsShown(page), { timeout: T }).toEqual(['Campaign paused']);
      expect(await page.locator('[data-testid^="audit-entry-"]').first().textContent()).toContain(`VK · id${SAME_ID}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
