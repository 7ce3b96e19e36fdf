/**
 * Launches Debian's Chromium (never a downloaded browser) with the flags this sandbox needs as root,
 * and collects console errors and page errors so a test can fail on any of them (a failed request's line names the
 * request: page-errors.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { watchPageErrors } from './page-errors.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /**
   * Console errors and uncaught exceptions seen so far; a failed load's line ends with its request, e.g.
   * «console: Failed to load resource: … status of 422 () · POST /api/… → 422 invalid_input (title.ru)».
   */
  errors: string[];
}

export async function openWatchedPage(
  browser: Browser,
  options: {
    width: number;
    height: number;
    colorScheme: 'light' | 'dark';
    mobile?: boolean;
    /** The reader's clock (an IANA zone), when a test depends on it; else the machine's. */
    timezoneId?: string;
  },
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    colorScheme: options.colorScheme,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  return { page, context, errors: watchPageErrors(page) };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
