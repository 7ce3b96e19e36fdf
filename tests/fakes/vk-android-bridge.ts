/**
 * VK's Android app as vk-bridge 3 finds it in a WebView (`window.AndroidBridge`), for browser tests: installed with
 * `page.addInitScript(installFakeVkAndroidBridge)` before the app's scripts run, so the mini app takes the VK adapter
 * (miniapp/platform/vk.ts) as it does inside VK's mobile clients, where a blob download saves nothing. Every bridge call
 * is recorded in `window.__vkBridgeCalls` and answered `{ result: true }` as the client does
 * (`<method>Result` on the `VKWebAppEvent` event, with the call's request_id); the test plays VK's downloader itself by
 * fetching the URL a `VKWebAppDownloadFile` call named, with no launch data, as VK's does.
 */

/** One call the app made through the bridge. */
export interface FakeBridgeCall {
  method: string;
  params: Record<string, unknown>;
}

/** Runs in the page (serialised by Playwright): keep it self-contained. */
export function installFakeVkAndroidBridge(): void {
  const page = window as unknown as { AndroidBridge?: unknown; __vkBridgeCalls: FakeBridgeCall[] };
  page.__vkBridgeCalls = [];
  page.AndroidBridge = new Proxy(
    {},
    {
      get: (_, method) =>
        typeof method !== 'string'
          ? undefined
          : (json?: string) => {
              const params = JSON.parse(json ?? '{}') as Record<string, unknown>;
              page.__vkBridgeCalls.push({ method, params });
              const detail = { type: `${method}Result`, data: { result: true, request_id: params.request_id } };
              setTimeout(() => window.dispatchEvent(new CustomEvent('VKWebAppEvent', { detail })), 0);
            },
    },
  );
}

/** The `VKWebAppDownloadFile` calls the page has made so far: the URL and file name it handed to VK. */
export async function vkDownloads(page: {
  evaluate<R>(fn: () => R): Promise<R>;
}): Promise<{ url: string; filename: string }[]> {
  const calls = await page.evaluate(() => (window as unknown as { __vkBridgeCalls: FakeBridgeCall[] }).__vkBridgeCalls);
  return calls
    .filter((c) => c.method === 'VKWebAppDownloadFile')
    .map((c) => ({ url: String(c.params.url), filename: String(c.params.filename) }));
}
