/**
 * A support reply half-typed survives leaving the request, in Chromium on a phone (light, ru) and a desktop (dark, en).
 * Found from outside: an agent typed an answer, went Back to the inbox to check another request, came back, and the
 * text was gone (the broadcast composer and the editor keep theirs on the device; the reply box did not). Now the
 * reply is kept per request until it is sent; once sent the box is empty on return, and the participant reads it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
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
    agent: 7391,
    writer: 7393,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    agent: 7392,
    writer: 7394,
  },
] as const;

/** A call with a participant's launch, as the mini app makes it. */
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

const back = (page: Page) =>
  activePanel(page)
    .getByRole('button', { name: /Назад|Back/ })
    .first()
    .click();

describe('support: a reply being typed', () => {
  for (const vp of viewports) {
    it(`is there again after Back to the inbox and in; sent, it is gone and the participant reads it (${vp.name})`, async () => {
      addBrandMember(server, { userId: vp.agent, sections: ['support'] });
      await asParticipant(vp.writer, 'POST', `/api/campaigns/${campaignId}/open`, {});
      const { ticket } = (await asParticipant(vp.writer, 'POST', '/api/support/tickets', {
        campaignId,
        subject: `Где код ${vp.name}`,
        body: 'Код не пришёл',
      })) as { ticket: { id: number } };
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      const inboxRow = () => activePanel(page).getByTestId(`inbox-ticket-${ticket.id}`);
      const replyBox = () => activePanel(page).locator('#reply-body');
      try {
        await page.goto(
          `${participantUrl(server, { userId: vp.agent, language: vp.language })}#/admin/brand/${brandId}/support`,
        );
        await inboxRow().click({ timeout: T });
        const text = vp.language === 'ru' ? 'Здравствуйте! Код отправили ещё раз' : 'Hello! We sent the code again';
        await replyBox().fill(text, { timeout: T });

        await back(page);
        await inboxRow().click({ timeout: T });
        await expect.poll(() => replyBox().inputValue(), { timeout: T }).toBe(text);
        await screenshot(page, `office-support-reply-kept-${vp.name}-${vp.colorScheme}`);

        const sent = page.waitForResponse((r) => r.request().method() === 'POST' && /\/replies$/.test(r.url()));
        await activePanel(page).getByTestId('reply-send').click();
        expect((await sent).ok()).toBe(true);
        await expect.poll(() => replyBox().inputValue(), { timeout: T }).toBe('');
        await back(page);
        await inboxRow().click({ timeout: T });
        await activePanel(page).getByTestId('thread-messages').getByText(text).waitFor({ timeout: T });
        expect(await replyBox().inputValue()).toBe('');

        const thread = JSON.stringify(await asParticipant(vp.writer, 'GET', `/api/support/tickets/${ticket.id}`));
        expect(thread).toContain(text);
        expect(watched.errors).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
