/**
 * The agency's settings, one save per copy (decision 045): the owner has the settings open in two tabs and saves a
 * new name in the first; the second tab's save, made on the older copy, is refused in words with what was typed kept,
 * and offers the saved version in place of Save; loaded, the next save lands. A brand's community token replaced
 * on two pages likewise: the older page's replacement is refused and the saved version loads; and a brand's rename.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_OWNER_VK_ID, DEMO_GROUP_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const T = 20_000;
let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('agency settings saved in two tabs', () => {
  it('the older copy is refused with its text kept; the saved version loads and the next save lands', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'light',
      mobile: true,
    });
    try {
      const url = `${participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'ru' })}#/admin/agency/settings`;
      await page.goto(url);
      await page.locator('#agency-name').waitFor({ timeout: T });
      const other = await context.newPage();
      await other.goto(url);
      await other.locator('#agency-name').waitFor({ timeout: T });

      await other.locator('#agency-name').fill('Агентство из первой вкладки');
      await other.getByRole('button', { name: 'Сохранить' }).click();
      await other.getByText('Сохранено').waitFor({ timeout: T });
      await other.close();

      await page.locator('#agency-name').fill('Агентство из второй вкладки');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: T })
        .toContain('это сохранил кто-то другой');
      // Said whole, before the offer that replaced Save (it read "Не получилось: Пока вы…" under the button).
      expect(await page.getByRole('status').textContent()).toBe('Пока вы редактировали, это сохранил кто-то другой.');
      const said = await page.getByRole('status').boundingBox();
      const offer = await page.getByTestId('agency-load-saved').boundingBox();
      expect(said?.y).toBeLessThan(offer?.y ?? 0);
      expect(await page.locator('#agency-name').inputValue()).toBe('Агентство из второй вкладки');
      expect(await page.getByRole('button', { name: 'Сохранить' }).count()).toBe(0);
      await screenshot(page, 'office-agency-settings-saved-meanwhile');

      await page.getByTestId('agency-load-saved').click();
      await expect
        .poll(() => page.locator('#agency-name').inputValue(), { timeout: T })
        .toBe('Агентство из первой вкладки');
      await page.locator('#agency-name').fill('Агентство после загрузки');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Сохранено').waitFor({ timeout: T });
      // The refused save's 409 is the one console line Chromium writes for it; nothing else went wrong.
      expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a community token replaced on a page opened before a colleague's replacement is refused; the saved one loads", async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 860,
      colorScheme: 'dark',
      mobile: false,
    });
    try {
      const owner = participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'ru' });
      await page.goto(`${owner}#/admin/agency`);
      const brandRow = page.locator('[data-testid^="agency-brand-"]').first();
      await brandRow.waitFor({ timeout: T });
      const brandId = Number((await brandRow.getAttribute('data-testid'))?.replace('agency-brand-', ''));
      const url = `${owner}#/admin/agency/brand/${brandId}`;
      const masked = (p: typeof page) => p.getByTestId(`community-${DEMO_GROUP_ID}-token`);
      const replace = async (p: typeof page, token: string) => {
        await p.getByRole('button', { name: 'Заменить ключ' }).first().click();
        await p.locator('input[type=password]').first().fill(token);
        await p.getByRole('button', { name: 'Сохранить' }).first().click();
      };
      await page.goto(url);
      await masked(page).waitFor({ timeout: T });
      const other = await context.newPage();
      await other.goto(url);
      await masked(other).waitFor({ timeout: T });
      await replace(other, 'vk1.a.colleague-token-0001aaaa');
      await expect.poll(() => masked(other).textContent(), { timeout: T }).toMatch(/…aaaa$/);
      await other.close();

      await replace(page, 'vk1.a.my-own-token-00002bbbb');
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: T })
        .toContain('это сохранил кто-то другой');
      // Under the community whose token was refused, not at the top of the page.
      expect((await masked(page).boundingBox())?.y).toBeLessThan((await page.getByRole('alert').boundingBox())?.y ?? 0);
      await page.getByTestId('agency-load-saved').click();
      await expect.poll(() => masked(page).textContent(), { timeout: T }).toMatch(/…aaaa$/);
      expect(await page.getByRole('alert').count()).toBe(0);
      // The typed token is still in its field: saved again on the fresh copy, it lands.
      await page.getByRole('button', { name: 'Сохранить' }).first().click();
      await expect.poll(() => masked(page).textContent(), { timeout: T }).toMatch(/…bbbb$/);
      expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a brand renamed on a page opened before a colleague's rename is refused with the name kept; the saved one loads", async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'light',
      mobile: true,
    });
    try {
      const owner = participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'ru' });
      await page.goto(`${owner}#/admin/agency`);
      const brandRow = page.locator('[data-testid^="agency-brand-"]').first();
      await brandRow.waitFor({ timeout: T });
      const brandId = Number((await brandRow.getAttribute('data-testid'))?.replace('agency-brand-', ''));
      const url = `${owner}#/admin/agency/brand/${brandId}`;
      const name = (p: typeof page) => p.locator('#agency-brand-name');
      await page.goto(url);
      await name(page).waitFor({ timeout: T });
      const other = await context.newPage();
      await other.goto(url);
      await name(other).waitFor({ timeout: T });
      await name(other).fill('Бренд коллеги');
      await other.getByTestId('agency-brand-rename').click();
      const header = (p: typeof page) => p.getByTestId('agency-header').textContent();
      await expect.poll(() => header(other), { timeout: T }).toContain('Бренд коллеги');
      await other.close();

      await name(page).fill('Мой бренд');
      await page.getByTestId('agency-brand-rename').click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: T })
        .toContain('это сохранил кто-то другой');
      expect(await name(page).inputValue()).toBe('Мой бренд');
      // Said under the refused form, with its offer, before the brand's team link (it was at the top of the page).
      const field = await name(page).boundingBox();
      const said = await page.getByRole('alert').boundingBox();
      const offer = await page.getByTestId('agency-load-saved').boundingBox();
      const team = await page.getByTestId('agency-brand-team').boundingBox();
      expect(field?.y).toBeLessThan(said?.y ?? 0);
      expect(said?.y).toBeLessThanOrEqual(offer?.y ?? 0);
      expect((offer?.y ?? 0) + (offer?.height ?? 0)).toBeLessThanOrEqual(team?.y ?? 0);
      expect(await page.getByRole('alert').textContent()).toContain('Загрузить сохранённую версию');
      await screenshot(page, 'office-agency-brand-renamed-meanwhile');
      await page.getByTestId('agency-load-saved').click();
      await expect.poll(() => header(page), { timeout: T }).toContain('Бренд коллеги');
      expect(await page.getByRole('alert').count()).toBe(0);
      // The typed name is still in its field: saved again on the fresh copy, it lands.
      expect(await name(page).inputValue()).toBe('Мой бренд');
      await page.getByTestId('agency-brand-rename').click();
      await expect.poll(() => header(page), { timeout: T }).toContain('Мой бренд');
      await expect.poll(() => page.getByTestId('agency-brand-rename').isDisabled(), { timeout: T }).toBe(true);
      expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
