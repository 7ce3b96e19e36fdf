/**
 * A refused first load on office screens that load by id, in Chromium: a member of the brand whose rights hold
 * `team` alone follows links to a campaign's prize pools (a section panel, drawn outside AdminOffice) and to its
 * leads (an AdminOffice panel). Both said the generic not-found (nothing of why, no header of the screen); once worded,
 * the pools screen still said the participant's "Нет доступа." (seen in its screenshot) because section panels were
 * not drawn inside the office's wording. Now each says the server's refusal in the office's words under its own
 * header with Back, and offers the office's home.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const TEAM_ONLY = 7901;
const T = 20_000;
let server: StartedServer;
let browser: Browser;
let campaignId = 0;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const tasks = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c JOIN brands b ON b.id = c.brand_id WHERE c.slug = ?',
      )
      .get('summer-tasks') as { id: number; brandId: number; agencyId: number };
    campaignId = tasks.id;
    db.prepare(
      'INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES (?, ?, ?, ?, ?, ?)',
    ).run('vk', String(TEAM_ONLY), tasks.agencyId, tasks.brandId, 'brand_member', JSON.stringify(['team']));
  } finally {
    db.close();
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const active = (page: Page) =>
  page.locator('.vkuiView__panelActive:not(.vkuiView__panelActive .vkuiView__panelActive)').last();
const WORDED = { ru: 'У вас нет прав на это в этом бренде.', en: 'You have no rights for this in this brand.' };
const BACK = { ru: 'Назад', en: 'Back' };

describe('a refused office screen says why', () => {
  for (const language of ['ru', 'en'] as const) {
    it(`the prize pools and the leads of a campaign a team-only member may not open (phone, ${language})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, {
        width: 375,
        height: 812,
        mobile: true,
        colorScheme: 'light',
      });
      try {
        const base = participantUrl(server, { userId: TEAM_ONLY, language }).split('#')[0];
        for (const section of ['pools', 'leads']) {
          await page.goto(`${base}#/admin/campaign/${campaignId}/${section}`);
          const refusal = active(page).getByTestId('load-error');
          await refusal.waitFor({ timeout: T });
          expect(await refusal.textContent(), section).toContain(WORDED[language]);
          expect(await page.getByTestId('not-found').count()).toBe(0);
          expect(await active(page).getByTestId('load-error-home').count()).toBe(1);
          expect(await active(page).getByRole('button', { name: BACK[language] }).count()).toBe(1);
          await screenshot(page, `office-refusal-worded-${section}-${language}`);
        }
        expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
