/**
 * A published revision, read only, at phone width: a member who edits texts and looks (`campaigns` only, no `prizes`)
 * opens it from the editor's revision list and sees its preview's switches (RU/EN, light/dark, campaign/rules) whole
 * on a 375-px screen, wrapped as in the editor's own preview tab; on desktop the preview still stands beside the form.
 * Found from outside: the preview column kept its one-row width (about 470 px), centred, so «RU» was cut at the left
 * edge and «Rules» at the right, with no way to scroll to them.
 * Screenshots: test-results/screenshots/office-revision-phone-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

/** Holds `campaigns` only: texts and looks, not code pools, calendar or draw. */
const TEXTS_ONLY = 7403;
const T = 20_000;

let server: StartedServer;
let browser: Browser;
let tasksId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  tasksId = tasks.id;
  addBrandMember(server, { userId: TEXTS_ONLY, brandId: tasks.brandId, sections: ['campaigns'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each label's box lies inside the viewport's width: nothing cut at either edge. */
async function expectWhollyOnScreen(page: Page, labels: string[]) {
  const width = page.viewportSize()?.width ?? 0;
  for (const label of labels) {
    const box = await activePanel(page).getByText(label, { exact: true }).first().boundingBox();
    expect(box, label).not.toBeNull();
    expect(box?.x ?? -1, `${label} starts on screen`).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), `${label} ends on screen`).toBeLessThanOrEqual(width);
  }
}

describe('a published revision seen by a member with campaigns only', () => {
  it('opens from the revision list; its preview switches fit a 375-px phone (dark, en)', async () => {
    const url = participantUrl(server, { userId: TEXTS_ONLY, language: 'en' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await page.goto(`${url.split('#')[0]}#/admin/campaign/${tasksId}`);
      const revision = activePanel(page).getByTestId('office-revision-1');
      await revision.waitFor({ timeout: 30_000 });
      await revision.click();
      await page.waitForURL(new RegExp(`#/admin/campaign/${tasksId}/revision/1$`), { timeout: T });
      await activePanel(page).getByTestId('office-revision-readonly').waitFor({ timeout: T });
      const preview = activePanel(page).getByTestId('office-preview');
      await preview.waitFor({ timeout: T });
      await preview.scrollIntoViewIfNeeded();
      await expectWhollyOnScreen(page, ['RU', 'EN', 'Campaign', 'Rules']);
      // Nothing in the panel is wider than the phone (the page would scroll sideways or cut it).
      const overflow = await activePanel(page).evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'office-revision-phone-preview');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on desktop the preview still stands beside the read-only form (light, en)', async () => {
    const url = participantUrl(server, { userId: TEXTS_ONLY, language: 'en' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${url.split('#')[0]}#/admin/campaign/${tasksId}/revision/1`);
      const preview = activePanel(page).getByTestId('office-preview');
      await preview.waitFor({ timeout: 30_000 });
      const form = await activePanel(page).getByTestId('office-tasks').boundingBox();
      const frame = await preview.boundingBox();
      expect(form).not.toBeNull();
      expect(frame?.x ?? 0, 'the preview starts right of the form').toBeGreaterThan(
        (form?.x ?? 0) + (form?.width ?? 0) - 1,
      );
      await expectWhollyOnScreen(page, ['RU', 'EN', 'Campaign', 'Rules']);
      await screenshot(page, 'office-revision-phone-desktop');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
