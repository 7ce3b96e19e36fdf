/**
 * "Write to us" on a mobile network: Send reaches the server, the answer is lost, the participant taps Send again.
 * The form sends the same key with the same text, so the brand gets one ticket, not two (server/support/ticket-keys.ts,
 * miniapp/api/client-key.ts); the same for a reply in the thread. Before, every tap was a ticket.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;

const T = 15_000;
const auth = (launchUrl: string) => `VK ${new URL(launchUrl).search.slice(1)}`;

async function api<R>(launchUrl: string, method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: auth(launchUrl), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const active = (page: Page) => page.locator('.vkuiView__panelActive').last();

/** The first POST to `path` reaches the server, but its answer never reaches the page; later ones go through. */
async function loseFirstAnswer(page: Page, path: RegExp): Promise<{ sent: string[] }> {
  const sent: string[] = [];
  await page.route(path, async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sent.push(route.request().postData() ?? '');
    if (sent.length > 1) return route.continue();
    await route.fetch(); // the server writes it…
    await route.abort('internetdisconnected'); // …and the answer is lost on the way back
  });
  return { sent };
}

describe('a send whose answer was lost, sent again', () => {
  it('one ticket and one reply, whatever the taps', async () => {
    const { page, context } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      const url = participantUrl(server, { userId: 470_001, language: 'ru' });
      const { campaigns } = await api<{ campaigns: Array<{ id: number; slug: string }> }>(url, 'GET', '/api/campaigns');
      const campaignId = campaigns.find((c) => c.slug === 'summer-tasks')?.id as number;
      await api(url, 'POST', `/api/campaigns/${campaignId}/open`, {});

      const tickets = await loseFirstAnswer(page, /\/api\/support\/tickets$/);
      await page.goto(`${url}#/campaign/${campaignId}/help/new`);
      await active(page).getByTestId('ticket-subject').locator('xpath=descendant-or-self::input').fill('Не пришёл код');
      await active(page)
        .getByTestId('ticket-body')
        .locator('xpath=descendant-or-self::textarea')
        .fill('Выполнил задания, кода нет');
      await active(page).getByTestId('ticket-send').click();
      await active(page).getByTestId('ticket-send-failed').waitFor({ timeout: T });
      await active(page).getByTestId('ticket-send').click();
      await active(page).getByTestId('message-user').waitFor({ timeout: T });
      expect(tickets.sent).toHaveLength(2);
      expect(JSON.parse(tickets.sent[1] as string).clientKey).toBe(JSON.parse(tickets.sent[0] as string).clientKey);
      expect((await api<{ tickets: unknown[] }>(url, 'GET', '/api/support/tickets')).tickets).toHaveLength(1);

      const replies = await loseFirstAnswer(page, /\/api\/support\/tickets\/\d+\/messages$/);
      await active(page).getByTestId('ticket-reply').locator('xpath=descendant-or-self::textarea').fill('Жду');
      const send = active(page).getByTestId('ticket-reply-send');
      await send.click();
      await active(page).getByText('Не удалось отправить').first().waitFor({ timeout: T });
      await send.click();
      await expect.poll(() => active(page).getByTestId('message-user').count(), { timeout: T }).toBe(2);
      expect(replies.sent).toHaveLength(2);
      const ticketId = Number(new URL(page.url()).hash.split('/').at(-1));
      const thread = await api<{ messages: unknown[] }>(url, 'GET', `/api/support/tickets/${ticketId}`);
      expect(thread.messages).toHaveLength(2);

      // The agent's side: the first reply is written but its answer lost; the agent edits the text and sends again.
      // The edit is another text with its own key, so it is written too (with the old key the server handed back the
      // first reply and the edit was silently dropped).
      const admin = participantUrl(server, { userId: 100_002, language: 'ru', role: 'admin' });
      const office = await loseFirstAnswer(page, /\/api\/admin\/support\/brands\/\d+\/tickets\/\d+\/replies$/);
      await page.goto(`${admin}#/admin/brand/1/support/ticket/${ticketId}`);
      const reply = page.locator('#reply-body');
      await reply.waitFor({ timeout: T });
      await reply.fill('Проверяем код');
      await page.getByTestId('reply-send').click();
      await page.getByText('Нет связи с сервером').first().waitFor({ timeout: T });
      await reply.fill('Проверяем код, ответим сегодня');
      await page.getByTestId('reply-send').click();
      await expect
        .poll(() => page.getByTestId('thread-messages').textContent(), { timeout: T })
        .toContain('ответим сегодня');
      expect(office.sent).toHaveLength(2);
      expect(JSON.parse(office.sent[1] as string).clientKey).not.toBe(JSON.parse(office.sent[0] as string).clientKey);
      const bodies = (await api<{ messages: { body: string }[] }>(url, 'GET', `/api/support/tickets/${ticketId}`))
        .messages;
      expect(bodies.map((m) => m.body)).toEqual(
        expect.arrayContaining(['Проверяем код', 'Проверяем код, ответим сегодня']),
      );
    } finally {
      await context.close();
    }
  });
});
