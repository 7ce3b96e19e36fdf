/**
 * A refused status change in a support request is said under the status dropdown, in Chromium on a phone (light, ru)
 * and a desktop (dark, en). Found from outside: the refusal appeared as the reply box's hint line, far from the
 * dropdown on a phone. Here the agent's `support` right is taken away after the request opened, so the server refuses
 * the change for real.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const T = 20_000;

let server: StartedServer;
let browser: Browser;
let brandId: number;
let campaignId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const c = demoCampaign(server);
  brandId = c.brandId;
  campaignId = c.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  {
    name: 'phone',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    language: 'ru',
    agent: 7591,
    writer: 7593,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    agent: 7592,
    writer: 7594,
  },
] as const;

async function asParticipant(userId: number, method: string, path: string, body?: unknown) {
  const launch = new URL(participantUrl(server, { userId, language: 'ru' }));
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: `VK ${launch.search.slice(1)}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

describe('support: a refused status change', () => {
  for (const vp of viewports) {
    it(`is said under the status dropdown, not in the reply box's hint (${vp.name})`, async () => {
      const { membershipId } = addBrandMember(server, { userId: vp.agent, sections: ['support'] });
      await asParticipant(vp.writer, 'POST', `/api/campaigns/${campaignId}/open`, {});
      const { ticket } = (await asParticipant(vp.writer, 'POST', '/api/support/tickets', {
        campaignId,
        subject: `Статус ${vp.name}`,
        body: 'Код не пришёл',
      })) as { ticket: { id: number } };
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(
          `${participantUrl(server, { userId: vp.agent, language: vp.language })}#/admin/brand/${brandId}/support`,
        );
        await activePanel(page).getByTestId(`inbox-ticket-${ticket.id}`).click({ timeout: T });
        const status = activePanel(page).locator('#thread-status');
        await status.waitFor({ timeout: T });
        const hintBefore = await activePanel(page)
          .locator('#reply-body')
          .evaluate((el) => el.closest('.vkuiFormItem, [class*="FormItem"]')?.textContent ?? '');

        withAppDb(server, (db) =>
          db.prepare('UPDATE memberships SET sections = \'["mailings"]\' WHERE id = ?').run(membershipId),
        );
        const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
        await status.selectOption({ index: 1 });
        expect((await refused).status()).toBeGreaterThanOrEqual(400);
        const error = activePanel(page).locator('#thread-status-error');
        await error.waitFor({ timeout: T });
        expect((await error.textContent())?.length ?? 0).toBeGreaterThan(3);
        await expect.poll(() => status.isEnabled(), { timeout: T }).toBe(true);
        // The reply box's hint says what it said before.
        expect(
          await activePanel(page)
            .locator('#reply-body')
            .evaluate((el) => el.closest('.vkuiFormItem, [class*="FormItem"]')?.textContent ?? ''),
        ).toBe(hintBefore);
        await screenshot(page, `office-support-change-refused-${vp.name}-${vp.colorScheme}`);
        expect(watched.errors.filter((e) => !/status of 40[34]/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
