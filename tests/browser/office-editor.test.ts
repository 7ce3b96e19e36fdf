/**
 * Item 6: the brand's first job end to end in Chromium, on a phone (light) and a desktop (dark). A brand admin opens
 * the office from the community launch (verified launch, demo membership), picks a template, edits texts and a
 * task while the live preview (the real participant screens) shows what they typed, fixes what the server lists as
 * problems, saves and launches now; a participant URL then shows the campaign; editing it live publishes revision 2,
 * seen in the revisions list. Screenshots under test-results/screenshots/office-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);
/** A 1×1 PNG: the campaign cover the tests' image host answers with. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** The width of a loaded image, 0 while it is not (or failed). */
const loadedWidth = (img: Element) => ((img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0);
const preview = (page: Page) => page.getByTestId('office-preview');
/** The editor's save state: saved, dirty, saving or failed. */
const saveState = (page: Page) => page.getByTestId('office-save-state').getAttribute('data-state');

/** From the community admin's launch to the editor of a new draft made from the quiz template. */
async function openNewDraft(page: Page) {
  await page.goto(server.adminUrl);
  await page.getByText(/Управление акциями|Manage campaigns/).click();
  await page.getByTestId('office-new-campaign').click();
  await page.getByTestId('office-use-quiz-tiers').click();
  await field(page, 'title').waitFor({ timeout: 15_000 });
}

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', user: 7101 },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', user: 7102 },
] as const;

describe('office editor', () => {
  for (const vp of viewports) {
    it(`item 6: template → edit with live preview → launch → participant sees it → live edit is revision 2 (${vp.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, vp);
      const phone = vp.name === 'phone';
      const showPreview = async () => {
        if (phone) await page.getByTestId('office-tab-preview').click();
      };
      const showForm = async () => {
        if (phone) await page.getByTestId('office-tab-edit').click();
      };
      try {
        await page.goto(server.adminUrl);
        await page.getByText(/Управление акциями|Manage campaigns/).click();
        await page.getByTestId('office-new-campaign').waitFor({ timeout: 20_000 });
        await page.locator('[data-testid^="office-campaign-"]').first().waitFor({ timeout: 15_000 });
        await screenshot(page, `office-home-${vp.name}-${vp.colorScheme}`);

        await page.getByTestId('office-new-campaign').click();
        await page.getByTestId('office-use-tasks-reward').waitFor({ timeout: 15_000 });
        await screenshot(page, `office-catalogue-${vp.name}-${vp.colorScheme}`);
        await page.getByTestId('office-use-tasks-reward').click();

        // Texts: the typed title shows in the preview's real campaign screen.
        // Long enough not to fit the phone's header: it must end in an ellipsis inside the phone.
        const title = `Акция E2E ${vp.name} с длинным названием, которое не помещается в шапку`;
        await field(page, 'title').waitFor({ timeout: 15_000 });
        await field(page, 'title').fill(title);
        await showPreview();
        await expect
          .poll(() => preview(page).getByTestId('campaign-title').textContent(), { timeout: 15_000 })
          .toBe(title);
        const headerPastPhone = await preview(page).evaluate((frame) => {
          const edge = frame.getBoundingClientRect().right;
          return [...frame.querySelectorAll('.vkuiPanelHeader__in')].some(
            (h) => h.getBoundingClientRect().right > edge,
          );
        });
        expect(headerPastPhone).toBe(false);
        await showForm();

        // The look: a cover from the brand's https image host (answered here by the browser's router) shows above the
        // title in the preview, and later for participants.
        await context.route('https://cdn.example/**', (route) =>
          route.fulfill({ contentType: 'image/png', body: Buffer.from(PNG_1PX, 'base64') }),
        );
        await field(page, 'theme.coverUrl').fill('https://cdn.example/cover.png');
        await showPreview();
        await expect
          .poll(() => preview(page).getByTestId('campaign-cover').evaluate(loadedWidth), { timeout: 15_000 })
          .toBe(1);
        await showForm();
        // A giveaway with no draw in its settings (this template's) has no draw screen to link to; its pools do.
        await page.getByTestId('office-section-pools').waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('office-section-draw').count()).toBe(0);

        // The schedule names the campaign's zone with its offset: an IANA id alone does not say which hour it is.
        expect(await field(page, 'timeZone').locator('option:checked').textContent()).toMatch(
          /^[A-Za-z_/]+, UTC[+−]\d/,
        );
        expect(
          await page
            .locator(`label[for="${await field(page, 'startsAt').getAttribute('id')}"]`)
            .first()
            .textContent(),
        ).toMatch(/, UTC[+−]\d/);

        // A task: its kind, title and link; the preview's task list follows.
        const taskTitle = `Загляните в каталог ${vp.name}`;
        await field(page, 'tasks.0.kind').selectOption('visit_link');
        expect(await page.getByTestId('office-task-0-level').textContent()).toMatch(/приложения|app's word/);
        await field(page, 'tasks.0.title').fill(taskTitle);
        await field(page, 'tasks.0.config.url').fill('https://example.com/catalogue');
        await showPreview();
        await preview(page).getByText(taskTitle).waitFor({ timeout: 15_000 });
        await screenshot(page, `office-editor-${vp.name}-${vp.colorScheme}`);
        await page.getByRole('radio', { name: 'dark' }).check({ force: true });
        await expect.poll(() => preview(page).getAttribute('data-color-scheme')).toBe('dark');
        await screenshot(page, `office-editor-preview-dark-${vp.name}`);
        await showForm();

        // Make it publishable without a community bot or loaded codes: a link task instead of messages, a prize with
        // its own stock instead of the empty pool.
        await field(page, 'tasks.1.kind').selectOption('visit_link');
        // With edits not saved the problems are the saved version's, and the list says so.
        const problemsNote = 'По сохранённой версии: сохраните, чтобы проверить правки';
        expect(await page.getByTestId('office-problems').textContent()).toContain(problemsNote);
        // A link that is not a web address is refused, and the field says what is wrong, not only that it is.
        await field(page, 'tasks.1.config.url').fill('javascript:alert(1)');
        await page.getByTestId('office-save').click();
        await expect.poll(() => saveState(page)).toBe('failed');
        await page.getByText('Значение не подходит: нужен адрес сайта, начинающийся с https://').first().waitFor();
        await field(page, 'tasks.1.config.url').fill('https://example.com/news');
        await field(page, 'rewards.0.poolKey').selectOption('');
        await field(page, 'rewards.0.stock').fill('100');
        // The prize's fields: no label cut to "Лимит…" (found from outside on a phone: three limits in one row).
        const cut = await page
          .getByTestId('office-reward-0')
          .evaluate((group) =>
            [...group.querySelectorAll('*')]
              .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
              .map((el) => el.textContent),
          );
        expect(cut).toEqual([]);
        await page.getByTestId('office-save').click();
        await expect.poll(() => saveState(page)).toBe('saved');
        expect(await page.getByTestId('office-problems').textContent()).not.toContain(problemsNote);

        await page.getByTestId('office-to-live').click();
        await page.getByRole('button', { name: /Подтвердить|Confirm/ }).click();
        await expect
          .poll(() => page.getByTestId('office-status').first().textContent(), { timeout: 15_000 })
          .toMatch(/Идёт|Live/);
        const id = Number(/#\/admin\/campaign\/(\d+)/.exec(page.url())?.[1]);
        expect(id).toBeGreaterThan(0);

        // A participant sees the launched campaign.
        const participant = await context.newPage();
        await participant.goto(`${participantUrl(server, { userId: vp.user, language: 'ru' })}#/campaign/${id}`);
        await expect
          .poll(() => participant.getByTestId('campaign-title').textContent(), { timeout: 20_000 })
          .toBe(title);
        await expect.poll(() => participant.getByTestId('campaign-cover').evaluate(loadedWidth)).toBe(1);
        await screenshot(participant, `office-editor-participant-cover-${vp.name}`);
        await participant.close();

        // Editing it live publishes revision 2.
        await field(page, 'title').fill(`${title} 2`);
        await page.getByTestId('office-publishes-revision').waitFor();
        await page.getByTestId('office-save').click();
        await expect.poll(() => saveState(page)).toBe('saved');
        await page.getByTestId('office-revision-2').waitFor({ timeout: 15_000 });
        await page.getByTestId('office-revision-2').scrollIntoViewIfNeeded();
        await screenshot(page, `office-revisions-${vp.name}-${vp.colorScheme}`);
        await page.getByTestId('office-revision-1').click();
        await page.getByTestId('office-revision-readonly').waitFor({ timeout: 15_000 });
        expect(await field(page, 'title').inputValue()).toBe(title);
        expect(await field(page, 'title').isDisabled()).toBe(true);
        await screenshot(page, `office-revision-1-${vp.name}-${vp.colorScheme}`);
        // The one refusal above (the javascript: link) is the 422 the console names.
        expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('edits left unsaved come back when the editor opens again (after Back, after a reload) until saved or discarded', async () => {
    const { page, context, errors } = await openWatchedPage(browser, viewports[1]);
    try {
      await openNewDraft(page);
      const saved = await field(page, 'title').inputValue();
      const id = page.url().match(/\/admin\/campaign\/(\d+)/)?.[1];
      expect(id).toBeDefined();

      // Typed, not saved, and Back: the list, then the same campaign again has the typed title, unsaved. The header
      // names the campaign as saved until the save lands (it followed every keystroke).
      const header = () => page.getByTestId('office-editor-header').textContent();
      expect(await header()).toBe(saved);
      await field(page, 'title').fill('Правка, которую не сохранили');
      expect(await header()).toBe(saved);
      await page.getByRole('button', { name: 'Назад' }).first().click();
      await page.getByTestId(`office-campaign-${id}`).click();
      await page.getByTestId('office-restored-edits').waitFor({ timeout: 15_000 });
      expect(await field(page, 'title').inputValue()).toBe('Правка, которую не сохранили');
      expect(await saveState(page)).toBe('dirty');
      expect(await header()).toBe(saved);
      await screenshot(page, 'office-editor-restored-edits-desktop-dark');
      await page.getByTestId('office-save').click();
      await expect.poll(() => saveState(page)).toBe('saved');
      expect(await header()).toBe('Правка, которую не сохранили');
      expect(await page.getByTestId('office-restored-edits').count()).toBe(0);
      await page.reload();
      await field(page, 'title').waitFor({ timeout: 15_000 });
      expect(await field(page, 'title').inputValue()).toBe('Правка, которую не сохранили');
      expect(await page.getByTestId('office-restored-edits').count()).toBe(0);

      // Typed and the app reloaded: back again; discarded, the saved title returns and stays after another reload.
      await field(page, 'title').fill('Ещё одна правка');
      expect(await header()).toBe('Правка, которую не сохранили');
      await page.reload();
      await page.getByTestId('office-restored-edits').waitFor({ timeout: 15_000 });
      expect(await field(page, 'title').inputValue()).toBe('Ещё одна правка');
      await page.getByTestId('office-discard-edits').click();
      await expect.poll(() => field(page, 'title').inputValue()).toBe('Правка, которую не сохранили');
      expect(await saveState(page)).toBe('saved');
      await page.reload();
      await field(page, 'title').waitFor({ timeout: 15_000 });
      expect(await field(page, 'title').inputValue()).toBe('Правка, которую не сохранили');
      expect(await page.getByTestId('office-restored-edits').count()).toBe(0);
      expect(saved).not.toBe('Правка, которую не сохранили');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("one member's unsaved edits are not offered to another member who opens the campaign on the same device", async () => {
    const { page, context, errors } = await openWatchedPage(browser, viewports[0]);
    try {
      await openNewDraft(page);
      const saved = await field(page, 'title').inputValue();
      const editor = page.url().match(/#(\/admin\/campaign\/\d+)/)?.[1];
      expect(editor).toBeDefined();
      await field(page, 'title').fill('Правка администратора, не сохранена');

      // The agency's owner (who covers the brand) opens the same campaign in the same browser: the saved copy, as is.
      const owner = await context.newPage();
      await owner.goto(`${participantUrl(server, { userId: 100004, language: 'ru' })}#${editor}`);
      await field(owner, 'title').waitFor({ timeout: 15_000 });
      expect(await field(owner, 'title').inputValue()).toBe(saved);
      expect(await owner.getByTestId('office-restored-edits').count()).toBe(0);
      expect(await saveState(owner)).toBe('saved');
      await owner.close();

      // The admin's own edits are still theirs to take up.
      await page.reload();
      await page.getByTestId('office-restored-edits').waitFor({ timeout: 15_000 });
      expect(await field(page, 'title').inputValue()).toBe('Правка администратора, не сохранена');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('two editors of one campaign: a save over an out-of-date copy is refused, and the saved version loads in its place', async () => {
    const { page, context, errors } = await openWatchedPage(browser, viewports[0]);
    try {
      await openNewDraft(page);
      // A colleague has the same campaign open (the editor's own address, as a shared link would open it).
      const colleague = await context.newPage();
      await colleague.goto(page.url());
      await field(colleague, 'title').waitFor({ timeout: 15_000 });

      await field(page, 'title').fill('Викторина: правка первого');
      await page.getByTestId('office-save').click();
      await expect.poll(() => saveState(page)).toBe('saved');

      await field(colleague, 'title').fill('Викторина: правка второго');
      await colleague.getByTestId('office-save').click();
      await expect.poll(() => saveState(colleague)).toBe('failed');
      expect(await colleague.getByTestId('office-save-state').textContent()).toContain('акцию сохранил кто-то другой');
      await colleague.getByTestId('office-stale-copy').waitFor();
      expect(await colleague.getByTestId('office-save').isDisabled()).toBe(true);
      await screenshot(colleague, 'office-editor-stale-copy-phone-light');

      await colleague.getByTestId('office-load-saved').click();
      await expect.poll(() => field(colleague, 'title').inputValue()).toBe('Викторина: правка первого');
      expect(await colleague.getByTestId('office-stale-copy').count()).toBe(0);
      await field(colleague, 'title').fill('Викторина: правка второго');
      await colleague.getByTestId('office-save').click();
      await expect.poll(() => saveState(colleague)).toBe('saved');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
