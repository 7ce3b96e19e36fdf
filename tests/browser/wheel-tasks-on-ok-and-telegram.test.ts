/**
 * A participant on OK and Telegram is offered only the tasks that can be done there (the server's state lists them,
 * participation/offered-on-platform.test.ts), with each platform's app address configured so an invitation has its
 * link: OK at a phone's width (375 px) in light theme and Russian, Telegram on the desktop in dark theme and English.
 * - The wheel's «Задания за попытки» / "Tasks for attempts" list only the invitation: before, the demo's VK-only
 *   tasks (join the community, allow messages) stood there as «Недоступно на этой платформе» / "Not available on
 *   this platform", next to a wheel asking for more attempts. The tasks campaign's list likewise. A wheel with no
 *   task that can be done there says «Здесь заданий нет» / "No tasks here" and, its spin used, asks for none.
 * - Telegram desktop dark: the invitation's "Copy link" reads clearly on its own background (computed colours, WCAG
 *   contrast), not as the faint button it was under VK's colours.
 */
import { rmSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, startApiWorld, TELEGRAM_TEST_USER } from '../../scripts/package/browser/api-world.ts';
import { type ClientHost, startClientHost } from '../../scripts/package/browser/client-host.ts';
import { openApp } from '../../scripts/package/browser/open-app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { buildDemo, demoClient } from '../package/support.ts';
import { launchChromium } from './chromium.ts';

type Variant = 'ok' | 'telegram';
const T = 15_000;
const APP_URLS = { OK_APP_URL: 'https://ok.ru/game/512000', TELEGRAM_APP_URL: 'https://t.me/promo_demo_bot/app' };
let world: ApiWorld;
let host: ClientHost;
let browser: Browser;
const builds: Partial<Record<Variant, string>> = {};
const apps: Partial<Record<Variant, string>> = {};

beforeAll(async () => {
  for (const variant of ['ok', 'telegram'] as const) builds[variant] = await buildDemo(variant);
  [world, host, browser] = await Promise.all([
    startApiWorld(demoClient(), APP_URLS),
    startClientHost(),
    launchChromium(),
  ]);
  for (const variant of ['ok', 'telegram'] as const) apps[variant] = host.mount(variant, builds[variant] ?? '');
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await world?.close();
  for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
});

const combos = [
  {
    variant: 'ok',
    language: 'ru',
    scheme: 'light',
    width: 375,
    unavailable: 'Недоступно на этой платформе',
    noneHere: 'Здесь заданий нет',
    earn: 'Выполняйте задания',
  },
  {
    variant: 'telegram',
    language: 'en',
    scheme: 'dark',
    width: 1280,
    unavailable: 'Not available on this platform',
    noneHere: 'No tasks here',
    earn: 'Complete tasks',
  },
] as const;
type Combo = (typeof combos)[number];

function open(c: Combo, api: ApiWorld = world) {
  const signer = {
    ...api,
    okLaunchQuery: (extra: Record<string, string>) => api.okLaunchQuery({ lang: c.language, ...extra }),
    telegramInitData: (extra: Record<string, string> = {}) =>
      api.telegramInitData({
        user: JSON.stringify({ id: TELEGRAM_TEST_USER, first_name: 'Test', language_code: c.language }),
        ...extra,
      }),
  };
  return openApp(browser, {
    variant: c.variant,
    appUrl: apps[c.variant] ?? '',
    hostUrl: host.url,
    signer,
    scheme: c.scheme,
    width: c.width,
    apiBaseUrl: demoClient().apiBaseUrl,
    apiUrl: api.url,
  });
}

/** The keys of the tasks a list shows, once it shows any. */
async function listedTasks(list: Locator): Promise<string[]> {
  await list.locator('[data-testid^="task-"][data-state]').first().waitFor({ timeout: T });
  return await list
    .locator('[data-testid^="task-"][data-state]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-testid') ?? ''));
}

describe('OK and Telegram see only the tasks that work there', () => {
  for (const c of combos) {
    it(`${c.variant} ${c.width} px ${c.scheme} ${c.language}: the wheel and the task list offer no VK-only task`, async () => {
      const app = await open(c);
      try {
        const panel = app.frame.locator('.vkuiView__panelActive');
        await panel.getByTestId('campaign-lucky-wheel').click();
        await panel.getByTestId('wheel-attempts').waitFor({ timeout: T });
        const wheelTasks = panel.getByTestId('task-list');
        expect(await listedTasks(wheelTasks)).toEqual(['task-friends']);
        expect(await wheelTasks.textContent()).not.toContain(c.unavailable);
        await app.frame.evaluate(() => history.back());
        await panel.getByTestId('campaign-summer-tasks').click();
        const list = panel.getByTestId('task-list');
        const shown = await listedTasks(list);
        expect(shown).not.toContain('task-join');
        expect(shown).not.toContain('task-messages');
        expect(await list.locator('[data-state="unavailable"]').count()).toBe(0);
        expect(await list.textContent()).not.toContain(c.unavailable);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});

describe('a wheel whose every task is VK-only, on OK and Telegram', () => {
  for (const c of combos) {
    it(`${c.variant} ${c.width} px ${c.scheme} ${c.language}: says there are none here and, once spun, asks for none`, async () => {
      // Its own world: the demo wheel without its invitation, the one task it has that OK and Telegram can do.
      const api = await startApiWorld(demoClient(), APP_URLS);
      const [wheel] = await api.db
        .select({ id: schema.campaigns.id })
        .from(schema.campaigns)
        .where(eq(schema.campaigns.slug, 'lucky-wheel'));
      await inTransaction(api.db, (tx) =>
        tx
          .update(schema.tasks)
          .set({ removedAt: Date.now() })
          .where(and(eq(schema.tasks.campaignId, wheel?.id ?? 0), eq(schema.tasks.key, 'friends'))),
      );
      const app = await open(c, api);
      try {
        const panel = app.frame.locator('.vkuiView__panelActive');
        await panel.getByTestId('campaign-lucky-wheel').click();
        const list = panel.getByTestId('task-list');
        await list.getByTestId('no-tasks-here').waitFor({ timeout: T });
        expect(await list.getByTestId('no-tasks-here').textContent()).toContain(c.noneHere);
        expect(await list.locator('[data-state]').count()).toBe(0);
        await panel.getByTestId('wheel-spin').click();
        await panel.locator('[data-testid="spin-win"], [data-testid="spin-lose"]').waitFor({ timeout: T });
        const attempts = panel.getByTestId('wheel-attempts');
        await expect.poll(() => attempts.textContent(), { timeout: T }).not.toMatch(/^(Attempts now|Попыток сейчас)/);
        expect(await attempts.textContent()).not.toContain(c.earn);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
        await api.close();
      }
    });
  }
});

/**
 * The text colour of `element` against what is painted behind it: its own background over its ancestors', alpha
 * composited (VKUI's secondary button is a translucent tint), as a WCAG contrast ratio.
 */
function contrastOf(element: Locator) {
  return element.evaluate((el) => {
    const rgba = (css: string) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      const [r = 0, g = 0, b = 0, a = 1] = (m?.[1] ?? '0,0,0,0')
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return { r, g, b, a: m ? a : 0 };
    };
    const layers: Array<ReturnType<typeof rgba>> = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = rgba(getComputedStyle(node).backgroundColor);
      if (bg.a > 0) layers.push(bg);
      if (bg.a >= 1) break;
    }
    let base = { r: 255, g: 255, b: 255 };
    for (const layer of layers.reverse()) {
      base = {
        r: layer.r * layer.a + base.r * (1 - layer.a),
        g: layer.g * layer.a + base.g * (1 - layer.a),
        b: layer.b * layer.a + base.b * (1 - layer.a),
      };
    }
    const text = rgba(getComputedStyle(el).color);
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (c: { r: number; g: number; b: number }) =>
      0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    const [hi, lo] = [luminance(text), luminance(base)].sort((x, y) => y - x) as [number, number];
    return {
      ratio: (hi + 0.05) / (lo + 0.05),
      text: getComputedStyle(el).color,
      background: `rgb(${Math.round(base.r)}, ${Math.round(base.g)}, ${Math.round(base.b)})`,
    };
  });
}

describe('Telegram desktop dark: the invitation\'s "Copy link"', () => {
  it('reads clearly on its background (WCAG contrast of the computed colours)', async () => {
    const c = combos[1];
    const app = await open(c);
    try {
      const panel = app.frame.locator('.vkuiView__panelActive');
      await panel.getByTestId('campaign-summer-tasks').click();
      const task = panel.getByTestId('task-friends');
      await task.getByTestId('task-action-friends').click();
      await expect.poll(() => task.getAttribute('data-state'), { timeout: T }).toBe('in_progress');
      const copy = task.getByTestId('invite-copy-link');
      await copy.waitFor({ timeout: T });
      const label = copy.locator('[class*="Button__content"]');
      const seen = await contrastOf(label);
      // WCAG AA for text of its size (4.5:1). Before, 3.5:1: VKUI's theme class on AppRoot's container defined the
      // tokens again, so Telegram's colours set on <html> never reached the button, and VKUI's faint secondary tint
      // under an accent text read like a disabled button.
      expect(seen.ratio, JSON.stringify(seen)).toBeGreaterThanOrEqual(4.5);
      // On the launch's own colours (the text is the campaign's accent, accent-style.ts): the button on the stand-in
      // dark theme's secondary_bg_color #181818 (stand-in-pages.ts), its cell on section_bg_color #212121.
      expect(seen.background).toBe('rgb(24, 24, 24)');
      const cell = await contrastOf(task);
      expect(cell.background).toBe('rgb(33, 33, 33)');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
