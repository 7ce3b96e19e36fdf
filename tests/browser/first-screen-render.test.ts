/**
 * Issue 12 item 2: with the first screen's data in the page (the server embeds it for a verified launch), the first
 * thing React puts in #root is that screen: the campaign list, or the deep-linked campaign — never a spinner first.
 * And the hash router keeps what the old one did: Back from a deep link walks up inside the app.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;
let campaignId: number;
const T = 15_000;

/**
 * Before any page script: records what #root held when React first filled it (one commit, one mutation batch), and
 * whether a VKUI spinner was ever in the page.
 */
const WATCH_FIRST_COMMIT = `(() => {
  const w = window;
  w.__firstCommit = null;
  w.__spinnerSeen = false;
  new MutationObserver(() => {
    const root = document.getElementById('root');
    if (document.querySelector('[class*="vkuiSpinner"]')) w.__spinnerSeen = true;
    if (w.__firstCommit === null && root && root.childElementCount > 0) {
      w.__firstCommit = {
        campaignCells: root.querySelectorAll('[data-testid^="campaign-"]:not([data-testid="campaign-title"])').length,
        campaignTitle: root.querySelector('[data-testid="campaign-title"]')?.textContent ?? null,
        hash: location.hash,
      };
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

interface FirstCommit {
  campaignCells: number;
  campaignTitle: string | null;
  hash: string;
}

async function firstCommit(page: Page): Promise<{ commit: FirstCommit; spinnerSeen: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as { __firstCommit: FirstCommit; __spinnerSeen: boolean };
    return { commit: w.__firstCommit, spinnerSeen: w.__spinnerSeen };
  });
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const res = await fetch(`${server.baseUrl}/api/campaigns`, {
    headers: { Authorization: `VK ${new URL(server.participantUrl).search.slice(1)}` },
  });
  const { campaigns } = (await res.json()) as { campaigns: Array<{ id: number; slug: string }> };
  campaignId = campaigns.find((c) => c.slug === 'summer-tasks')?.id as number;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage(run: (page: Page, apiReads: string[]) => Promise<void>) {
  const { page, context, errors } = await openWatchedPage(browser, {
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
  });
  const apiReads: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname.startsWith('/api/')) apiReads.push(url.pathname);
  });
  try {
    await context.addInitScript(WATCH_FIRST_COMMIT);
    await run(page, apiReads);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('item 2: the first screen in the first render', () => {
  it('item 2: with the data embedded, the campaign list is in the first commit, no spinner is ever shown and nothing is read from the API', async () => {
    await withPage(async (page, apiReads) => {
      await page.goto(participantUrl(server, { userId: 510_001, language: 'ru' }));
      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      const { commit, spinnerSeen } = await firstCommit(page);
      expect(commit.campaignCells).toBeGreaterThan(0);
      expect(spinnerSeen).toBe(false);
      expect(apiReads).toEqual([]);
    });
  });

  it('item 2: a deep-linked campaign is drawn in the first commit from the state the page already asked for; Back walks up to the list', async () => {
    await withPage(async (page) => {
      await page.goto(`${participantUrl(server, { userId: 510_002, language: 'en' })}#/campaign/${campaignId}`);
      await page.getByTestId('campaign-title').waitFor({ timeout: T });
      const { commit, spinnerSeen } = await firstCommit(page);
      expect(commit.campaignTitle).toBeTruthy();
      expect(commit.hash).toBe(`#/campaign/${campaignId}`);
      expect(spinnerSeen).toBe(false);

      const active = page.locator('.vkuiView__panelActive').last();
      await active.getByRole('button', { name: 'Back' }).first().click();
      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      expect(new URL(page.url()).hash).toBe('#/');
      // Forward and back again through the browser's own history, as the platform's back does.
      await page.goForward();
      await page.getByTestId('campaign-title').waitFor({ timeout: T });
      expect(new URL(page.url()).hash).toBe(`#/campaign/${campaignId}`);
      await page.goBack();
      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
    });
  });
});

/**
 * Before any page script: counts Intl date, number and collation objects (and the Date/String methods that make one)
 * created before the first campaign cell is in the page. The first of them loads ICU's locale machinery.
 */
const WATCH_INTL = `(() => {
  const w = window;
  w.__intlBeforeFirstScreen = [];
  let drawn = false;
  new MutationObserver(() => {
    if (!drawn && document.querySelector('[data-testid^="campaign-"]')) drawn = true;
  }).observe(document, { subtree: true, childList: true });
  const note = (name) => { if (!drawn) w.__intlBeforeFirstScreen.push(name + ' ' + (new Error().stack || '').split('\\n').slice(2, 4).join(' ')); };
  for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'RelativeTimeFormat', 'ListFormat']) {
    const Real = Intl[name];
    Intl[name] = new Proxy(Real, {
      construct(target, args, newTarget) { note(name); return Reflect.construct(target, args, newTarget === Intl[name] ? target : newTarget); },
      apply(target, self, args) { note(name); return Reflect.apply(target, self, args); },
    });
  }
  for (const [proto, method] of [[Date.prototype, 'toLocaleDateString'], [Date.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleTimeString'], [Number.prototype, 'toLocaleString'], [String.prototype, 'localeCompare']]) {
    const real = proto[method];
    proto[method] = function (...args) { note(method); return real.apply(this, args); };
  }
})();`;

describe('decision 037: the campaign list is drawn without loading ICU', () => {
  it('no Intl date, number or collation object is made before the first campaign is on screen (ru and en)', async () => {
    for (const [userId, language] of [
      [510_004, 'ru'],
      [510_005, 'en'],
    ] as const) {
      await withPage(async (page) => {
        await page.context().addInitScript(WATCH_INTL);
        await page.goto(participantUrl(server, { userId, language }));
        await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
        // The subtitle still carries the end date, in the participant's language.
        const subtitle = await page.getByTestId('campaign-summer-tasks').textContent();
        expect(subtitle).toMatch(language === 'ru' ? / до \d{1,2} [а-я]+/ : / until \d{1,2} [A-Z][a-z]+/);
        expect(
          await page.evaluate(
            () => (window as unknown as { __intlBeforeFirstScreen: string[] }).__intlBeforeFirstScreen,
          ),
        ).toEqual([]);
      });
    }
  });
});

/** Before any page script: when the first campaign title was drawn (the bench's marker), on the page's clock. */
const MARK_FIRST_SCREEN = `(() => {
  new MutationObserver(() => {
    if (window.__firstScreenAt === undefined && document.querySelector('[data-testid^="campaign-"]'))
      window.__firstScreenAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
})();`;

describe('item 3: later panels are fetched after the first screen, not before it', () => {
  it('item 3: the campaign, rules and support chunks are requested only once the list is drawn, then without a click', async () => {
    await withPage(async (page) => {
      await page.context().addInitScript(MARK_FIRST_SCREEN);
      await page.goto(participantUrl(server, { userId: 510_003, language: 'ru' }));
      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      const later = /\/assets\/(CampaignPanel|RulesPanel|SupportPanel)-[\w-]{8}\.js$/;
      // Fetched in the background (lazy-panel.tsx preloadPanels), with no navigation.
      await page.waitForFunction(
        (source) => {
          const re = new RegExp(source);
          const names = new Set(
            performance
              .getEntriesByType('resource')
              .map((e) => re.exec(e.name)?.[1])
              .filter(Boolean),
          );
          return names.size === 3;
        },
        later.source,
        { timeout: T },
      );
      const { firstScreenAt, entries } = await page.evaluate((source) => {
        const re = new RegExp(source);
        return {
          firstScreenAt: (window as unknown as { __firstScreenAt: number }).__firstScreenAt,
          entries: performance
            .getEntriesByType('resource')
            .filter((e) => re.test(e.name) || /\/assets\/index-[\w-]{8}\.js$/.test(e.name))
            .map((e) => ({ name: e.name.replace(/^.*\/assets\//, ''), start: e.startTime })),
        };
      }, later.source);
      expect(firstScreenAt).toBeGreaterThan(0);
      const entry = entries.filter((e) => e.name.startsWith('index-'));
      expect(entry).toHaveLength(1);
      for (const e of entries.filter((x) => !x.name.startsWith('index-'))) {
        expect(e.start, `${e.name} requested before the first screen was drawn`).toBeGreaterThan(firstScreenAt);
      }
      expect(new URL(page.url()).hash).toBe('#/');
    });
  });
});
