/**
 * Copying a promo code where the app runs in a frame the host did not open to the Clipboard API. OK and Telegram on
 * the web embed the app in an iframe, and neither client has a copy call of its own (vk-bridge's VKWebAppCopyText is
 * VK's), so their adapters copy the way a browser does: `copyWithClipboard` (platform/browser-actions.ts, also the web
 * entry's and the local stand-in's). Without `allow="clipboard-write"` on the iframe, `navigator.clipboard.writeText`
 * is refused, and the participant read "Не удалось скопировать" with nothing copied. Now the copy falls back to the
 * browser's copy command on the same tap: the code is on the clipboard and the adapter answers `done` (the snackbar's
 * "Промокод скопирован", GrantDetails). The function runs as written, in Chromium, inside such a frame.
 */
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The client's page and the app's frame on two loopback origins (secure contexts, as the clients' https pages are). */
const HOST = 'http://localhost:4791/client.html';
const FRAME = 'http://127.0.0.1:4792/app.html';

async function appPage(): Promise<string> {
  const source = readFileSync(new URL('../../miniapp/platform/browser-actions.ts', import.meta.url), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  return `<!doctype html><html><body><button id="copy">Скопировать</button><output id="result"></output>
<script type="module">${code}
document.getElementById('copy').onclick = async () => {
  const r = await copyWithClipboard('QUIZ25-0001');
  document.getElementById('result').textContent = r.status;
};</script></body></html>`;
}

describe('a promo code copied inside a frame without the Clipboard API', () => {
  it('lands on the clipboard, and the copy answers done', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      colorScheme: 'light',
      mobile: true,
    });
    try {
      // Only the host page may read the clipboard (to check it); the app's frame is given nothing.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(HOST).origin });
      const html = (body: string) => ({ contentType: 'text/html; charset=utf-8', body });
      await page.route(HOST, (route) => route.fulfill(html(`<!doctype html><iframe src="${FRAME}"></iframe>`)));
      const app = await appPage();
      await page.route(FRAME, (route) => route.fulfill(html(app)));
      await page.goto(HOST);
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      const frame = page.frameLocator('iframe');
      await frame.locator('#copy').waitFor();
      // The frame really is closed to the Clipboard API (what made the copy fail).
      const direct = await (await page.waitForSelector('iframe')).contentFrame().then((f) =>
        f?.evaluate(() =>
          navigator.clipboard.writeText('x').then(
            () => 'written',
            (e) => e.name,
          ),
        ),
      );
      expect(direct).toBe('NotAllowedError');

      await frame.locator('#copy').click();
      await expect.poll(() => frame.locator('#result').textContent()).toBe('done');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('QUIZ25-0001');
      // Chromium logs each refused Clipboard API call itself (the probe above, the copy's first try): not the app's.
      expect(errors.filter((e) => !e.includes('The Clipboard API has been blocked'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
