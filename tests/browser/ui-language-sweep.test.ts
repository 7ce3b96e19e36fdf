/**
 * Outside-in sweep of every participant screen and every office screen the agency owner reaches, in one browser
 * against one server:
 * - in English (dark): no Cyrillic UI text, apart from what the database itself holds in Russian (seed content shown
 *   as it is: a campaign's Russian title in the office's lists, a stats screen name); the participant's screens allow
 *   none at all (the seed's campaigns carry English texts);
 * - in Russian (light): no English words in the chrome (headers, buttons, tabs, labels, placeholders, empty states),
 *   apart from brand names, codes and what the database holds;
 * - in dark: no text below WCAG AA contrast that is ours to fix (tests/browser/ui-contrast.ts says what is VKUI's);
 *   the screens reached only by acting (a finished quiz's result, the won promo code, a help request with the brand's
 *   answer, on both sides) and the dialogs (the office's confirmations, the participant's notices) in light too;
 * - the statistics screens opened from a funnel (who is stuck where, its list, the funnel broken down by source and by
 *   message variant) with people on them, not only their empty states (ui-sweep-states.ts makes them).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { type LowContrast, lowContrastTexts } from './ui-contrast.ts';
import {
  addCannedAnswer,
  type ExtraScreens,
  finishQuizAndAskForHelp,
  type OpenedDialog,
  officeDialogs,
  type ParticipantStates,
  participantDialogs,
  statsFollowUps,
} from './ui-sweep-states.ts';
import { storedStrings, uiTexts, withoutStored } from './ui-text.ts';

let server: StartedServer;
let browser: Browser;
let stored: string[];
/** Each sweeping user's own finished quiz, reward and help request (the English one's texts English, the Russian's Russian). */
let acted: Record<'en' | 'ru', ParticipantStates>;
let cannedId: number;
/** Who is stuck where and the funnel broken down, with people on them (their addresses name runtime ids). */
let followUps: ExtraScreens;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  acted = {
    en: await finishQuizAndAskForHelp(server, PARTICIPANT, AGENCY_OWNER, {
      subject: 'My code does not work',
      body: 'The shop says the code is wrong.',
      answer: 'Please try it again tomorrow.',
    }),
    ru: await finishQuizAndAskForHelp(server, AGENCY_OWNER, AGENCY_OWNER, {
      subject: 'Код не подходит',
      body: 'В магазине говорят, что код неверный.',
      answer: 'Попробуйте, пожалуйста, завтра.',
    }),
  };
  cannedId = await addCannedAnswer(server, AGENCY_OWNER);
  followUps = await statsFollowUps(server, AGENCY_OWNER);
  stored = storedStrings(join(server.dataDir, 'app.db'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PARTICIPANT = 100001;
const AGENCY_OWNER = 100004;

const PARTICIPANT_SCREENS = [
  '/',
  '/campaign/1',
  '/campaign/1/rules',
  '/campaign/1/prizes',
  '/campaign/1/help',
  '/campaign/1/help/new',
  '/campaign/2',
  '/campaign/2/quiz',
  '/campaign/3',
  '/campaign/3/prizes',
  '/campaign/999',
  '/no-such-screen',
];

/** Every office screen of the demo brand (1) and its campaigns (1 tasks, 2 quiz, 3 wheel) open to the agency owner. */
const OFFICE_SCREENS = [
  '/admin',
  '/admin/new',
  '/admin/campaign/1',
  '/admin/campaign/2',
  '/admin/campaign/3',
  '/admin/campaign/1/sections',
  '/admin/campaign/1/revision/1',
  '/admin/campaign/1/stats',
  '/admin/campaign/1/mailings',
  '/admin/campaign/1/mailings/rule/new',
  '/admin/campaign/1/mailings/broadcast/new',
  '/admin/campaign/1/leads',
  '/admin/campaign/1/leads/webhook',
  '/admin/campaign/1/draw',
  '/admin/campaign/1/calendar',
  '/admin/campaign/1/pools',
  '/admin/campaign/1/calculator',
  '/admin/campaign/1/offers',
  '/admin/campaign/1/beta',
  '/admin/agency',
  '/admin/agency/brand/1',
  '/admin/agency/settings',
  '/admin/agency/team',
  '/admin/audit',
  '/admin/brand/1/team',
  '/admin/brand/1/mailings',
  '/admin/brand/1/support',
  '/admin/brand/1/support/knowledge',
  '/admin/brand/1/support/canned',
  '/admin/brand/1/stats',
  '/admin/brand/1/leads',
];

/** The office's main screens, checked for contrast in dark. */
const OFFICE_MAIN = new Set([
  '/admin',
  '/admin/new',
  '/admin/campaign/1',
  '/admin/campaign/1/stats',
  '/admin/campaign/1/mailings/broadcast/new',
  '/admin/agency',
  '/admin/audit',
  '/admin/brand/1/support',
  '/admin/brand/1/stats',
  '/admin/brand/1/team',
]);

const CYRILLIC = /[\u0400-\u04FF]/;
/**
 * Latin that a Russian screen may show: platform and brand names, codes and formats, and the words an office user
 * types as they are (a formula's functions, the unlock count's `all`, a CSV header's `code`).
 */
const LATIN_ALLOWED = new Set(
  [
    'VK',
    'OK',
    'ID',
    'Telegram',
    'TG',
    'RU',
    'EN',
    'CSV',
    'YML',
    'XML',
    'xml',
    'yml',
    'https',
    'http',
    'UTC',
    'CRM',
    'e-mail',
    'all',
    'code',
    'round',
    'min',
    'max',
    'id',
    'title',
    'price',
    'url',
    'picture',
    'category',
  ].map((w) => w.toLowerCase()),
);

/** The screens a user reaches only by acting first (`acted`), participant's and office's. */
const actedScreens = (states: ParticipantStates) => [states.quizResult, states.reward, states.ticket];

/** Hash navigation inside the running app, then quiet: no request in flight, no spinner, no DOM change for 200 ms. */
async function open(page: Page, hash: string, inFlight: () => number) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await settle(page, hash, inFlight);
}

async function settle(page: Page, hash: string, inFlight: () => number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const quiet = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          let changed = false;
          const observer = new MutationObserver(() => {
            changed = true;
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(!changed && !document.querySelector('[class*="Spinner__host"]'));
          }, 200);
        }),
    );
    if (quiet && inFlight() === 0) return;
    if (Date.now() > deadline) throw new Error(`${hash} did not settle`);
  }
}

async function startSession(o: {
  userId: number;
  language: 'ru' | 'en';
  colorScheme: 'light' | 'dark';
  phone: boolean;
  /** `vk_platform`: a phone's VKUI theme (android) differs from desktop web's (vkcom). */
  platform?: string;
}) {
  const viewport = o.phone ? { width: 390, height: 844, mobile: true } : { width: 1280, height: 900 };
  const watched = await openWatchedPage(browser, { ...viewport, colorScheme: o.colorScheme });
  let inFlight = 0;
  watched.page.on('request', () => inFlight++);
  watched.page.on('requestfinished', () => inFlight--);
  watched.page.on('requestfailed', () => inFlight--);
  await watched.page.emulateMedia({ reducedMotion: 'reduce' });
  await watched.page.goto(
    participantUrl(server, { userId: o.userId, language: o.language, ...(o.platform ? { platform: o.platform } : {}) }),
  );
  await watched.page.locator('[class*="PanelHeader"]').first().waitFor({ timeout: 20_000 });
  return {
    ...watched,
    visit: async (hash: string) => {
      await open(watched.page, hash, () => inFlight);
      const shows = acted.en.shows[hash] ?? acted.ru.shows[hash] ?? followUps.shows[hash];
      if (shows) await watched.page.getByTestId(shows).first().waitFor({ timeout: 5_000 });
    },
    /** The dialog opened on its screen, and quiet again. */
    openDialog: async (d: OpenedDialog) => {
      await open(watched.page, d.hash, () => inFlight);
      await d.open(watched.page);
      await settle(watched.page, d.hash, () => inFlight);
    },
  };
}

/** Cyrillic text a screen shows beyond what the database holds (`strict`: beyond nothing). */
async function cyrillicShown(page: Page, strict: boolean): Promise<string[]> {
  const texts = await uiTexts(page);
  return texts
    .filter((t) => CYRILLIC.test(strict ? t.text : withoutStored(t.text, stored)))
    .map((t) => `${t.kind}: ${t.text.slice(0, 80)}`);
}

/** English words in a Russian screen's chrome, beyond brand names, codes and what the database holds. */
async function englishInChrome(page: Page): Promise<string[]> {
  const texts = await uiTexts(page);
  return texts.flatMap((t) => {
    if (!t.chrome) return [];
    const rest = withoutStored(t.text, stored)
      .replace(/\{[^}]*\}/g, ' ') // a template's variables, {name}
      .replace(/[«"][^»"]*[»"]/g, ' ') // a quoted value the user types, «code»
      .replace(/\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, ' '); // a time zone, Europe/Moscow
    const words = (rest.match(/[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]/g) ?? []).filter(
      (w) => w.length > 1 && !LATIN_ALLOWED.has(w.toLowerCase()),
    );
    return words.length ? [`${t.kind}: ${t.text.slice(0, 80)} [${words.join(', ')}]`] : [];
  });
}

/** One line per distinct finding on a screen (a table repeats the same cell). */
const describeContrast = (where: string, low: LowContrast[]) => [
  ...new Set(low.map((l) => `${where}: "${l.text}" ${l.ratio}:1 < ${l.needed} (${l.color} on ${l.background})`)),
];

describe('the UI in English, in dark: no Russian chrome, enough contrast', () => {
  it('every participant screen: no Cyrillic at all, no text below AA', async () => {
    const s = await startSession({
      userId: PARTICIPANT,
      language: 'en',
      colorScheme: 'dark',
      phone: true,
      platform: 'mobile_android',
    });
    try {
      const cyrillic: string[] = [];
      const low: string[] = [];
      for (const hash of [...PARTICIPANT_SCREENS, ...actedScreens(acted.en)]) {
        await s.visit(hash);
        cyrillic.push(...(await cyrillicShown(s.page, true)).map((x) => `${hash} ${x}`));
        low.push(...describeContrast(hash, await lowContrastTexts(s.page)));
      }
      for (const d of participantDialogs(acted.en)) {
        await s.openDialog(d);
        const where = `${d.hash} (${d.name})`;
        cyrillic.push(...(await cyrillicShown(s.page, true)).map((x) => `${where} ${x}`));
        low.push(...describeContrast(where, await lowContrastTexts(s.page)));
      }
      expect({ cyrillic, low }).toEqual({ cyrillic: [], low: [] });
      // The missing campaign's 404 is the answer that screen shows; nothing else may fail.
      expect(s.errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  it('every office screen of the agency owner: no Cyrillic beyond the stored data; the main ones have no text below AA', async () => {
    const s = await startSession({ userId: AGENCY_OWNER, language: 'en', colorScheme: 'dark', phone: false });
    try {
      const cyrillic: string[] = [];
      const low: string[] = [];
      for (const hash of [...OFFICE_SCREENS, ...followUps.screens, acted.en.officeTicket]) {
        await s.visit(hash);
        cyrillic.push(...(await cyrillicShown(s.page, false)).map((x) => `${hash} ${x}`));
        if (OFFICE_MAIN.has(hash) || hash === acted.en.officeTicket)
          low.push(...describeContrast(hash, await lowContrastTexts(s.page)));
      }
      for (const d of officeDialogs(cannedId)) {
        await s.openDialog(d);
        const where = `${d.hash} (${d.name})`;
        cyrillic.push(...(await cyrillicShown(s.page, false)).map((x) => `${where} ${x}`));
        low.push(...describeContrast(where, await lowContrastTexts(s.page)));
      }
      expect({ cyrillic, low }).toEqual({ cyrillic: [], low: [] });
    } finally {
      await s.context.close();
    }
  });
});

describe('the office on a phone, in dark: enough contrast', () => {
  it("the office's main screens in VKUI's phone theme have no text below AA", async () => {
    const s = await startSession({
      userId: AGENCY_OWNER,
      language: 'ru',
      colorScheme: 'dark',
      phone: true,
      platform: 'mobile_android',
    });
    try {
      const low: string[] = [];
      for (const hash of OFFICE_MAIN) {
        await s.visit(hash);
        low.push(...describeContrast(hash, await lowContrastTexts(s.page)));
      }
      expect(low).toEqual([]);
    } finally {
      await s.context.close();
    }
  });
});

describe('the UI in Russian, in light: no English chrome', () => {
  it('every participant screen and every office screen of the agency owner; the acted screens and dialogs have no text below AA', async () => {
    const s = await startSession({ userId: AGENCY_OWNER, language: 'ru', colorScheme: 'light', phone: false });
    try {
      const english: string[] = [];
      const low: string[] = [];
      const actedHere = new Set([...actedScreens(acted.ru), acted.ru.officeTicket]);
      for (const hash of [...PARTICIPANT_SCREENS, ...actedHere, ...followUps.screens, ...OFFICE_SCREENS]) {
        await s.visit(hash);
        english.push(...(await englishInChrome(s.page)).map((x) => `${hash} ${x}`));
        if (actedHere.has(hash)) low.push(...describeContrast(hash, await lowContrastTexts(s.page)));
      }
      for (const d of [...participantDialogs(acted.ru), ...officeDialogs(cannedId)]) {
        await s.openDialog(d);
        const where = `${d.hash} (${d.name})`;
        english.push(...(await englishInChrome(s.page)).map((x) => `${where} ${x}`));
        low.push(...describeContrast(where, await lowContrastTexts(s.page)));
      }
      expect({ english, low }).toEqual({ english: [], low: [] });
    } finally {
      await s.context.close();
    }
  });
});
