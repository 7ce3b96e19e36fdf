/**
 * The editor's preview pane, in Chromium, for a field that is filled but refused: a title typed past its 200
 * characters and an organiser made only of invisible characters were sent at every pause and refused (422 at
 * `title.ru`, `settings.organizer`), a console error each time and the preview left stale; and once the pane waited
 * for such a field it said «когда будет заполнено поле …» of a field that was filled. Now it sends nothing and says
 * why: at most N characters, only invisible characters. Phone (light, ru) and desktop (dark, en).
 * Screenshots: test-results/screenshots/office-preview-says-why-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../server/campaigns/content-bounds.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addManager, draftFromTemplate, field } from './manager-walk.ts';

const MANAGER = 7952;
const T = 20_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  addManager(server, MANAGER);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The preview requests the page sends from now on, and the statuses they were answered with. */
function previewsSent(page: Page): { bodies: string[]; statuses: number[] } {
  const sent = { bodies: [] as string[], statuses: [] as number[] };
  const isPreview = (url: string) => /\/preview$/.test(new URL(url).pathname);
  page.on('request', (r) => isPreview(r.url()) && sent.bodies.push(r.postData() ?? ''));
  page.on('response', (r) => isPreview(r.url()) && sent.statuses.push(r.status()));
  return sent;
}

/** Five times the preview's debounce (PREVIEW_DEBOUNCE_MS, 400 ms): the old pane had sent its request by then. */
const pause = (page: Page) => page.waitForTimeout(2_000);

const viewports = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

const SAYS = {
  ru: {
    tooLong: `Предпросмотр обновится, когда поле «Название · RU» будет исправлено: не длиннее ${MAX_TITLE_LENGTH} символов`,
    blank: 'Предпросмотр обновится, когда поле «Организатор» будет исправлено: в нём только невидимые символы',
  },
  en: {
    tooLong: `The preview updates once “Title · EN” is fixed: at most ${MAX_TITLE_LENGTH} characters`,
    blank: 'The preview updates once “Organiser” is fixed: it holds only invisible characters',
  },
} as const;

describe('the preview says why it waits for a field that is filled', () => {
  for (const vp of viewports) {
    it(`an over-long title and an invisible organiser send nothing and are named as such (${vp.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, vp);
      try {
        const office = participantUrl(server, { userId: MANAGER, language: vp.language });
        const first = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: 30_000 });
        await draftFromTemplate(page, office, 'tasks-reward');
        expect((await first).status()).toBe(200);
        const note = page.getByTestId('preview-note');
        const sent = previewsSent(page);
        /** The pane's words, read where the brand reads them (on a phone, on the preview's tab). */
        const said = async (shot: string) => {
          if (vp.mobile) await page.getByTestId('office-tab-preview').click();
          const text = await note.textContent();
          await screenshot(page, `office-preview-says-why-${shot}-${vp.name}`);
          if (vp.mobile) await page.getByTestId('office-tab-edit').click();
          return text;
        };

        await field(page, 'title').fill('Я'.repeat(MAX_TITLE_LENGTH + 1));
        await pause(page);
        expect(sent.bodies).toEqual([]);
        expect(errors).toEqual([]);
        // The form edits the office's own language first: an English office types the English title.
        expect(await note.getAttribute('data-waits-for')).toBe(`title.${vp.language}`);
        expect(await note.getAttribute('data-reason')).toBe('too_long');
        expect(await said('title')).toBe(SAYS[vp.language].tooLong);

        // At its bound the title is sent, and taken.
        const titled = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: T });
        await field(page, 'title').fill('Я'.repeat(MAX_TITLE_LENGTH));
        expect((await titled).status()).toBe(200);
        await expect.poll(() => note.getAttribute('data-waits-for'), { timeout: T }).toBeNull();

        sent.bodies.length = 0;
        await field(page, 'settings.organizer').fill('\u200b\u2060\u200b');
        await pause(page);
        expect(sent.bodies).toEqual([]);
        expect(errors).toEqual([]);
        expect(await note.getAttribute('data-waits-for')).toBe('settings.organizer');
        expect(await note.getAttribute('data-reason')).toBe('blank');
        expect(await said('organizer')).toBe(SAYS[vp.language].blank);

        // Written: the preview is asked (and answered) with it.
        const organised = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: T });
        await field(page, 'settings.organizer').fill('ООО «Вкус»');
        expect((await organised).status()).toBe(200);
        expect(sent.bodies.map((body) => JSON.parse(body).settings.organizer[vp.language])).toEqual(['ООО «Вкус»']);
        expect(sent.statuses.filter((s) => s !== 200)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
