/**
 * A brand member who follows a link (a colleague's, a bookmark) to an office section their rights do not include is
 * told «Нет доступа / No access» with the office's reason, under the section's header with Back, in Chromium at phone
 * and desktop width, Russian and English: the brand's leads and team (no `leads`, no `team`) and a campaign's prize
 * draw (no `prizes`). The server refuses all three (403 `forbidden`); the screen only says so.
 * Found from outside: these three said «Не найдено / Not found», as if the page did not exist, while mailings,
 * statistics and the catalogue said «No access».
 * Screenshots: test-results/screenshots/office-link-without-right-{leads,team,draw}-{phone,desktop}.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_ONLY = 7421;

let server: StartedServer;
let browser: Browser;
let brandId: number;
let campaignId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  brandId = tasks.brandId;
  campaignId = tasks.id;
  addBrandMember(server, { userId: STATS_ONLY, brandId, sections: ['stats'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const WORDS = {
  ru: {
    refused: 'Нет доступа',
    why: 'У вас нет прав на это в этом бренде.',
    notFound: 'Не найдено',
    back: 'Назад',
    leads: 'Заявки',
    team: 'Команда',
    draw: 'Розыгрыш',
  },
  en: {
    refused: 'No access',
    why: 'You have no rights for this in this brand.',
    notFound: 'Not found',
    back: 'Back',
    leads: 'Leads',
    team: 'Team',
    draw: 'Prize draw',
  },
} as const;

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

const sections = [
  { key: 'leads', hash: () => `/admin/brand/${brandId}/leads` },
  { key: 'team', hash: () => `/admin/brand/${brandId}/team` },
  { key: 'draw', hash: () => `/admin/campaign/${campaignId}/draw` },
] as const;

describe('a link to an office section the member has no right to', () => {
  for (const vp of viewports) {
    const w = WORDS[vp.language];
    for (const section of sections) {
      it(`${section.key} says «${w.refused}», not «${w.notFound}» (${vp.name} ${vp.width} px, ${vp.language})`, async () => {
        const url = participantUrl(server, { userId: STATS_ONLY, language: vp.language });
        const { page, context, errors } = await openWatchedPage(browser, vp);
        try {
          await page.goto(`${url.split('#')[0]}#${section.hash()}`);
          // Whichever the screen settles on, then what it says.
          await activePanel(page)
            .getByText(w.refused, { exact: true })
            .or(activePanel(page).getByTestId('not-found'))
            .first()
            .waitFor({ timeout: 30_000 });
          await screenshot(page, `office-link-without-right-${section.key}-${vp.name}`);
          expect(await activePanel(page).getByTestId('not-found').count(), w.notFound).toBe(0);
          await activePanel(page).getByText(w.refused, { exact: true }).waitFor();
          await activePanel(page).getByText(w.why, { exact: true }).waitFor();
          // The section's own name in the header, and Back out of it.
          expect(await activePanel(page).getByText(w[section.key], { exact: true }).count()).toBeGreaterThan(0);
          await activePanel(page).getByRole('button', { name: w.back }).first().waitFor();
          expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  // Every other office address a stats-only member may be sent (the sections the office's routes name), at phone width
  // in Russian: none of them says «Не найдено». The agency's pages and the audit log are not brand sections (a member
  // with no agency role has no agency office), so they are left out; so is the campaign editor's address, which leads a
  // member without `campaigns` to the campaign's sections page they may see (routes.ts).
  const others = [
    () => `/admin/brand/${brandId}/mailings`,
    () => `/admin/brand/${brandId}/support`,
    () => `/admin/brand/${brandId}/support/knowledge`,
    () => `/admin/brand/${brandId}/support/canned`,
    () => `/admin/campaign/${campaignId}/mailings`,
    () => `/admin/campaign/${campaignId}/leads`,
    () => `/admin/campaign/${campaignId}/leads/webhook`,
    () => `/admin/campaign/${campaignId}/pools`,
    () => `/admin/campaign/${campaignId}/calendar`,
    () => `/admin/campaign/${campaignId}/calculator`,
    () => `/admin/campaign/${campaignId}/offers`,
    () => `/admin/campaign/${campaignId}/beta`,
    () => '/admin/new',
  ];
  it('every other section the member lacks says «Нет доступа» too (phone 375 px, ru)', async () => {
    const w = WORDS.ru;
    const url = participantUrl(server, { userId: STATS_ONLY, language: 'ru' });
    const { page, context } = await openWatchedPage(browser, viewports[0]);
    const seen: string[] = [];
    try {
      for (const hash of others.map((h) => h())) {
        await page.goto('about:blank');
        await page.goto(`${url.split('#')[0]}#${hash}`);
        const said = activePanel(page)
          .getByText(w.refused, { exact: true })
          .or(activePanel(page).getByTestId('not-found'));
        const settled = await said
          .first()
          .waitFor({ timeout: 20_000 })
          .then(() => true)
          .catch(() => false);
        if (!settled) await screenshot(page, `office-link-without-right-other-${seen.length}`);
        const notFound = (await activePanel(page).getByTestId('not-found').count()) > 0;
        seen.push(`${hash}: ${settled ? (notFound ? w.notFound : w.refused) : 'neither'}`);
      }
    } finally {
      await context.close();
    }
    expect(seen).toEqual(others.map((h) => `${h()}: ${w.refused}`));
  });
});
