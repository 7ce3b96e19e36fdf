/**
 * A brand member without `leads` (here: `support` only) who follows a link to a campaign's leads sees only that the
 * page is not open to them, in Chromium at phone width: no «Export CSV» or «CRM webhook» button, search or status tabs
 * above the refusal, since every one of them the server would refuse too.
 * Found from outside: the toolbar, search and tabs stood over «No access», offering what a tap would be refused.
 * Screenshot: test-results/screenshots/office-leads-no-right.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const SUPPORT_ONLY = 7404;

let server: StartedServer;
let browser: Browser;
let tasksId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  tasksId = tasks.id;
  addBrandMember(server, { userId: SUPPORT_ONLY, brandId: tasks.brandId, sections: ['support'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the leads of a campaign, opened by a member without leads', () => {
  it('say only that they are not open, with no button the server would refuse (375 px, light, en)', async () => {
    const url = participantUrl(server, { userId: SUPPORT_ONLY, language: 'en' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${url.split('#')[0]}#/admin/campaign/${tasksId}/leads`);
      const refused = activePanel(page).getByText('No access', { exact: true });
      await refused.waitFor({ timeout: 30_000 });
      for (const id of ['leads-csv', 'leads-webhook', 'leads-search', 'leads-status-all']) {
        expect(await activePanel(page).getByTestId(id).count(), id).toBe(0);
      }
      // Back in the header still leads out.
      await activePanel(page).getByRole('button', { name: 'Back' }).first().waitFor();
      await screenshot(page, 'office-leads-no-right');
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
