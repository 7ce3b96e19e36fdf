/**
 * @module Opens one build in headless Chromium through its stand-in client and watches it: every request with
 * its time, console errors and uncaught exceptions, and the moment the first screen has rendered. Calls to the
 * client's API base URL are answered by the local API (the build keeps its real API URL baked in).
 */
import type { Browser, BrowserContext, Cookie, Frame, Page } from 'playwright-core';
import { type Launch, type LaunchOptions, launchFor } from './launch.ts';

export interface SeenRequest {
  url: string;
  at: number;
}

export interface OpenedApp {
  page: Page;
  frame: Frame;
  context: BrowserContext;
  launch: Launch;
  requests: SeenRequest[];
  /** Every API call the app made, with the `Authorization` it sent. */
  apiCalls: Array<{ url: string; authorization: string }>;
  errors: string[];
  startedAt: number;
  firstScreenAt: number;
  close(): Promise<void>;
}

export const ACTIVE_PANEL = '.vkuiView__panelActive';

/** Resolves once the active panel shows content and no spinner (the first screen's data has arrived). */
export async function waitForSettledScreen(frame: Frame, timeout = 20_000): Promise<void> {
  await frame.waitForFunction(
    (selector) => {
      const panel = document.querySelector(selector);
      if (!panel || document.querySelector('.vkuiView__panelPrev, .vkuiView__panelNext')) return false;
      return !panel.querySelector('[class*="vkuiSpinner"]') && (panel.textContent ?? '').trim().length > 0;
    },
    ACTIVE_PANEL,
    { timeout, polling: 50 },
  );
}

export async function openApp(
  browser: Browser,
  options: LaunchOptions & {
    apiUrl: string;
    /** Cookies the browser already holds (the web entry's VK ID session). */
    cookies?: Cookie[];
  },
): Promise<OpenedApp> {
  const mobile = options.width < 768;
  const context = await browser.newContext({
    viewport: { width: options.width, height: mobile ? 740 : 800 },
    colorScheme: options.scheme,
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
  });
  const launch = launchFor(options);
  const requests: SeenRequest[] = [];
  const errors: string[] = [];
  const apiCalls: OpenedApp['apiCalls'] = [];
  const startedAt = Date.now();
  context.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url())) requests.push({ url: r.url(), at: Date.now() });
  });
  if (options.cookies?.length) await context.addCookies(options.cookies);
  await context.route(`${options.apiBaseUrl}/**`, async (route) => {
    const original = new URL(route.request().url());
    const build = launch.servedByApiAt;
    const ownFile = build !== undefined && original.pathname.startsWith(build);
    const authorization = (await route.request().headerValue('authorization')) ?? '';
    if (route.request().method() !== 'OPTIONS' && !ownFile) apiCalls.push({ url: original.href, authorization });
    // The session may close while a call is in flight (the walk moves on); a request that can no longer be answered
    // is dropped rather than crashing the packaging run with an unhandled rejection.
    try {
      const target = ownFile
        ? `${options.appUrl}${original.pathname.slice(build.length)}`
        : `${options.apiUrl}${original.pathname}${original.search}`;
      // Redirects go back to the browser (VK ID login: the page follows them and keeps the cookies they set).
      const response = await route.fetch({ url: target, maxRedirects: 0 });
      await route.fulfill({ response });
    } catch (err) {
      if (!context.pages().some((p) => !p.isClosed())) return;
      await route.abort().catch(() => undefined);
      errors.push(`API call ${original.pathname} failed: ${(err as Error).message}`);
    }
  });
  if (launch.initScript) await context.addInitScript({ content: launch.initScript });
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url ? ` (${msg.location().url.split('?')[0]})` : '';
    errors.push(`console.error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  await page.goto(launch.url);
  const frame = await launch.appFrame(page);
  try {
    await waitForSettledScreen(frame);
  } catch (err) {
    const text = await frame.evaluate(() => (document.body.textContent ?? '').slice(0, 200)).catch(() => '');
    await context.close();
    throw new Error(
      `the first screen did not settle in 20 s (screen text: ${JSON.stringify(text)}; errors: ${errors.join(' | ') || 'none'})`,
      { cause: err },
    );
  }
  return {
    page,
    frame,
    context,
    launch,
    requests,
    apiCalls,
    errors,
    startedAt,
    firstScreenAt: Date.now(),
    close: () => context.close(),
  };
}
