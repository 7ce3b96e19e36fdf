/**
 * The audit log's «Запуск акций» section (decision 117), in Chromium: a brand admin who may launch picks it and finds
 * who paused and who resumed the campaign — the pause written under `campaigns` before 117, the resume under `launch`
 * — with the line under the filter saying where older date moves are; a brand admin with `campaigns` alone finds
 * neither in the log. Phone light in Russian, desktop dark in English.
 * Screenshots: test-results/screenshots/office-audit-launch-section-{phone,desktop}.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { demoCampaign } from './office-members.ts';

const LAUNCHER = 7471;
const EDITOR_ONLY = 7472;
const T = 20_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const c = demoCampaign(server);
  withAppDb(server, (db) => {
    const admin = db.prepare(
      "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, ?, 'brand_admin', ?)",
    );
    admin.run(String(LAUNCHER), c.agencyId, c.brandId, JSON.stringify(['campaigns', 'launch']));
    admin.run(String(EDITOR_ONLY), c.agencyId, c.brandId, JSON.stringify(['campaigns']));
    const act = db.prepare(
      "INSERT INTO office_audit (brand_id, agency_id, actor_platform, actor_user_id, section, action, entity, entity_id) VALUES (?, ?, 'vk', ?, ?, ?, 'campaign', ?)",
    );
    act.run(c.brandId, c.agencyId, String(LAUNCHER), 'campaigns', 'campaign.paused', String(c.id));
    act.run(c.brandId, c.agencyId, String(LAUNCHER), 'launch', 'campaign.resume', String(c.id));
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const WORDS = {
  ru: {
    section: 'Запуск акций',
    paused: 'Акция приостановлена',
    resumed: 'Акция возобновлена',
    older: 'Даты, перенесённые до появления права',
  },
  en: {
    section: 'Launching campaigns',
    paused: 'Campaign paused',
    resumed: 'Campaign resumed',
    older: 'Dates moved before the',
  },
} as const;

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

/** The launch acts the log lists, by their words. */
const actsShown = (page: Page, language: 'ru' | 'en') => {
  const words = [WORDS[language].resumed, WORDS[language].paused];
  return page
    .locator('[data-testid^="audit-entry-"]')
    .evaluateAll(
      (cells, w) => cells.flatMap((c) => w.filter((x) => (c.textContent ?? '').includes(x)).slice(0, 1)),
      words,
    );
};

async function openAudit(user: number, vp: (typeof viewports)[number]) {
  const url = participantUrl(server, { userId: user, language: vp.language });
  const watched = await openWatchedPage(browser, vp);
  await watched.page.goto(`${url.split('#')[0]}#/admin/audit`);
  await watched.page.getByTestId('audit-filters').waitFor({ timeout: T });
  return watched;
}

describe('the audit log’s launch section', () => {
  for (const vp of viewports) {
    const w = WORDS[vp.language];
    it(`campaigns + launch: the section lists the pause (old row) and the resume, and says where older date moves are (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openAudit(LAUNCHER, vp);
      try {
        await expect.poll(() => actsShown(page, vp.language), { timeout: T }).toEqual([w.resumed, w.paused]);
        await page.locator('#audit-section').click();
        await page.getByRole('option', { name: w.section, exact: true }).click({ timeout: 5_000 });
        await expect.poll(() => actsShown(page, vp.language), { timeout: T }).toEqual([w.resumed, w.paused]);
        const filters = page.getByTestId('audit-filters');
        expect(await filters.textContent()).toContain(w.older);
        for (const cell of await page.locator('[data-testid^="audit-entry-"]').all()) {
          expect(await cell.textContent()).toContain(w.section);
        }
        await screenshot(page, `office-audit-launch-section-${vp.name}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`campaigns alone: neither launch act is in the log (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openAudit(EDITOR_ONLY, vp);
      try {
        await page
          .locator('[data-testid^="audit-entry-"]')
          .first()
          .or(page.getByText(vp.language === 'ru' ? 'Записей нет' : 'No entries'))
          .waitFor({ timeout: T });
        expect(await actsShown(page, vp.language)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
