/**
 * The audit log's person filter picks one person by platform and id (decision 109), in Chromium on a desktop, in
 * English: VK user 5550001 paused a campaign and OK user 5550001 resumed it; picking «OK · 5550001» lists only the
 * resume, picking «VK · id5550001» only the pause. Before 109 the two were one entry of the filter (keyed by the id
 * alone), and filtering by it listed both people's acts.
 * Screenshot: test-results/screenshots/office-audit-person-filter.png.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const AGENCY_OWNER = 7721;
const SAME_ID = '5550001';
const T = 20_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const c = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c JOIN brands b ON b.id = c.brand_id WHERE c.slug = ?',
      )
      .get('summer-tasks') as { id: number; brandId: number; agencyId: number };
    db.prepare(
      "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, NULL, 'agency_admin', '[]')",
    ).run(String(AGENCY_OWNER), c.agencyId);
    // Two people with one id on two platforms, each with one act on the brand's campaign.
    const act = db.prepare(
      "INSERT INTO office_audit (brand_id, agency_id, actor_platform, actor_user_id, section, action, entity, entity_id) VALUES (?, ?, ?, ?, 'campaigns', ?, 'campaign', ?)",
    );
    act.run(c.brandId, c.agencyId, 'vk', SAME_ID, 'campaign.paused', String(c.id));
    act.run(c.brandId, c.agencyId, 'ok', SAME_ID, 'campaign.resume', String(c.id));
  } finally {
    db.close();
  }
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
