/**
 * A refused first load on office screens that load by id, in Chromium: a member of the brand whose rights hold
 * `team` alone follows links to a campaign's prize pools (a section panel, drawn outside AdminOffice) and to its
 * leads (an AdminOffice panel). Both said the generic not-found (nothing of why, no header of the screen); once worded,
 * the pools screen still said the participant's "Нет доступа." (seen in its screenshot) because section panels were
 * not drawn inside the office's wording. Now each says the server's refusal in the office's words under its own
 * header with Back, and offers the office's home.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const TEAM_ONLY = 7901;
const T = 20_000;
let server: StartedServer;
let browser: Browser;
let campaignId = 0;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  campaignId = tasks.id;
  addBrandMember(server, { userId: TEAM_ONLY, brandId: tasks.brandId, sections: ['team'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

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
          const refusal = activePanel(page).getByTestId('load-error');
          await refusal.waitFor({ timeout: T });
          expect(await refusal.textContent(), section).toContain(WORDED[language]);
          expect(await page.getByTestId('not-found').count()).toBe(0);
          expect(await activePanel(page).getByTestId('load-error-home').count()).toBe(1);
          expect(await activePanel(page).getByRole('button', { name: BACK[language] }).count()).toBe(1);
          await screenshot(page, `office-refusal-worded-${section}-${language}`);
        }
        expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
