/**
 * @module Walks every screen reachable by tapping (depth-first, bounded) and checks that back navigation returns
 * to the screen it came from: the in-app back button in the panel header (VK, OK) or the platform's own back
 * button (Telegram BackButton, which the app must show on every screen but the first, and then as the only back).
 * Each screen visited is handed to `onScreen` (screenshots, accessibility).
 */
import type { Frame, Page } from 'playwright-core';
import type { VariantName } from '../variants.ts';
import { ACTIVE_PANEL, waitForSettledScreen } from './open-app.ts';

const MAX_DEPTH = 4;
const MAX_SCREENS = 24;
const MAX_TAPS_PER_SCREEN = 6;
const BACK_NAME = /^(Назад|Back)$/;
/** The web entry's sign-out: tapping it would end the session being checked and reload to the sign-in screen. */
const SIGN_OUT_NAME = /^(Выйти|Sign out)$/;
/** How long a screen may take to show its back button (a screen that never shows one still fails). */
const BACK_BUTTON_TIMEOUT = 10_000;
/** How long a tap may take to change the address; a control that opens nothing costs this much once. */
const TAP_NAVIGATION_TIMEOUT = 1500;
const CONTROL = ['[role="button"]', 'button', 'a[href]'];
const NAV_SELECTOR = CONTROL.map((c) => `${c}:has([class*="chevron" i])`).join(', ');
const OTHER_SELECTOR = CONTROL.map((c) => `${c}:not(:has([class*="chevron" i]))`).join(', ');

export interface BackNavigationResult {
  screens: string[];
  failures: string[];
}

const hashOf = (frame: Frame) => frame.evaluate(() => location.hash || '#/');

/**
 * The hash changes before React swaps the panel, so "settled" can still describe the screen being left, and a tap
 * then lands on its controls. Marking the panel being left, and waiting until another one is active, closes that gap.
 */
const LEFT = 'data-walk-left';
const markActivePanel = (frame: Frame) =>
  frame.evaluate(
    ([selector, attr]) => {
      for (const el of document.querySelectorAll(`[${attr}]`)) el.removeAttribute(attr);
      document.querySelector(selector)?.setAttribute(attr, '');
    },
    [ACTIVE_PANEL, LEFT] as const,
  );
const waitForOtherPanel = (frame: Frame) =>
  frame
    .waitForFunction(
      ([selector, attr]) => {
        const panel = document.querySelector(selector);
        return panel !== null && !panel.hasAttribute(attr);
      },
      [ACTIVE_PANEL, LEFT] as const,
      { timeout: 10_000, polling: 50 },
    )
    .catch(() => undefined);

async function telegramBackVisible(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => {
    const events = (window as unknown as { __tgEvents?: Array<{ type: string; data?: { is_visible?: boolean } }> })
      .__tgEvents;
    const last = events?.filter((e) => e.type === 'web_app_setup_back_button').at(-1);
    return last?.data?.is_visible;
  });
}

export async function checkBackNavigation(
  variant: VariantName,
  page: Page,
  frame: Frame,
  onScreen: (hash: string) => Promise<void>,
): Promise<BackNavigationResult> {
  const screens: string[] = [];
  const failures: string[] = [];
  // The last steps of the walk, appended to a failure so a flaky one can be read from the CI log alone.
  const steps: string[] = [];
  const step = (line: string) => {
    steps.push(line);
    if (steps.length > 12) steps.shift();
  };
  const fail = (line: string) => failures.push(`${line} [last steps: ${steps.join(' → ')}]`);
  const panel = frame.locator(ACTIVE_PANEL);
  const backButton = () => panel.getByRole('button', { name: BACK_NAME }).first();

  async function pressBack(from: string): Promise<boolean> {
    if (variant === 'telegram') {
      if ((await telegramBackVisible(page)) !== true) {
        failures.push(`${from}: Telegram BackButton is not shown`);
        return false;
      }
      // Telegram's BackButton is the one back there: a header Back beside it is a second arrow (found from outside).
      if ((await backButton().count()) > 0) failures.push(`${from}: a header back beside Telegram's BackButton`);
      await page.evaluate(() => (window as unknown as { __tgPressBack: () => void }).__tgPressBack());
      return true;
    }
    // Waited for, not sampled: under load the panel can still be mid-transition (no active panel yet) or its
    // lazy chunk still loading when the settle wait above gives up, and an instant look then finds no button.
    const back = backButton();
    const shown = await back
      .waitFor({ state: 'visible', timeout: BACK_BUTTON_TIMEOUT })
      .then(() => true)
      .catch(() => false);
    if (!shown) {
      failures.push(`${from}: no back button in the panel header`);
      return false;
    }
    await back.click();
    return true;
  }

  /** Presses back and waits for `to`; a press swallowed by a running transition is repeated once. */
  async function goBack(from: string, to: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      await waitForSettledScreen(frame, 3000).catch(() => undefined);
      await markActivePanel(frame);
      if (!(await pressBack(from))) return false;
      step(`back#${attempt} ${from}`);
      const returned = await frame
        .waitForFunction((h) => (location.hash || '#/') === h, to, { timeout: 2500 })
        .then(() => true)
        .catch(() => false);
      step(`at ${await hashOf(frame)}`);
      if (returned) {
        await waitForOtherPanel(frame);
        await waitForSettledScreen(frame, 10_000).catch(() => undefined);
        return true;
      }
      if ((await hashOf(frame)) !== from) break;
    }
    fail(`${from}: back did not return to ${to} (at ${await hashOf(frame)})`);
    return false;
  }

  async function visit(hash: string, depth: number): Promise<void> {
    screens.push(hash);
    await onScreen(hash);
    if (depth >= MAX_DEPTH) return;
    if (variant === 'telegram' && depth === 0 && (await telegramBackVisible(page)) === true) {
      failures.push(`${hash}: Telegram BackButton is shown on the first screen`);
    }
    // Cells with a chevron lead to screens; other controls (task actions) are tried after them.
    const groups = [
      { selector: NAV_SELECTOR, limit: MAX_TAPS_PER_SCREEN },
      { selector: OTHER_SELECTOR, limit: 3 },
    ];
    for (const group of groups) {
      const taps = Math.min(await panel.locator(group.selector).count(), group.limit);
      for (let i = 0; i < taps && screens.length < MAX_SCREENS; i++) {
        await waitForSettledScreen(frame, 3000).catch(() => undefined);
        const target = panel.locator(group.selector).nth(i);
        const name = (
          (await target.getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ??
          (await target.textContent({ timeout: 1000 }).catch(() => null)) ??
          ''
        )
          .trim()
          .split('\n')[0];
        if (name && (BACK_NAME.test(name) || SIGN_OUT_NAME.test(name))) continue;
        await markActivePanel(frame);
        // A click that reports an error may still have landed (the panel swapped under Playwright's checks): what the
        // address does next decides, not the click's own result, or the walk loses track of where it is.
        await target.click({ timeout: 2000 }).catch(() => undefined);
        // Waited for, not sampled: under load the push can land after a fixed pause, and a walk that moved on would
        // stack its next screen on top of this one (Back then lands on it, not on the screen the walk thinks it left).
        await frame
          .waitForFunction((h) => (location.hash || '#/') !== h, hash, { timeout: TAP_NAVIGATION_TIMEOUT, polling: 50 })
          .catch(() => undefined);
        const next = await hashOf(frame);
        step(`tap "${name}" on ${hash} → ${next}`);
        if (next === hash) continue;
        await waitForOtherPanel(frame);
        try {
          await waitForSettledScreen(frame, 10_000);
        } catch {
          failures.push(`${next}: the screen did not finish loading`);
        }
        if (!screens.includes(next)) await visit(next, depth + 1);
        if (!(await goBack(next, hash))) return;
      }
    }
  }

  await visit(await hashOf(frame), 0);
  return { screens, failures };
}
