/**
 * A refused add by VK id (not by an invitation link) on both team screens, in Chromium on a phone (light, ru) and a
 * desktop (dark, en). The member's `team` right is taken away after the page opened, so the server refuses the add:
 * «Добавить» waits while the request is held, then the refusal is said under it (not at the page's top), in words for
 * the screen it is said on: a brand's screen speaks of the brand, the agency's of the agency (found from outside:
 * the agency screen said «в этом бренде»). The typed id stays for another try.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, addBrandMember } from './office-members.ts';

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

const T = 20_000;
const viewports = [
  {
    name: 'phone',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    language: 'ru',
    brandActor: 7731,
    owner: 7733,
    manager: 7735,
    added: 7737,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    brandActor: 7732,
    owner: 7734,
    manager: 7736,
    added: 7738,
  },
] as const;

/** The refusal each screen says: «no rights here», naming the brand or the agency. */
const words = {
  brand: {
    ru: 'Не получилось: у вас нет прав на это в этом бренде.',
    en: 'That did not work: you have no rights for this in this brand.',
  },
  agency: {
    ru: 'Не получилось: у вас нет прав на это в агентстве.',
    en: 'That did not work: you have no rights for this in the agency.',
  },
} as const;

/**
 * Types `added` into the VK id field and taps «Добавить» with `team` taken from `membershipId` meanwhile: the request
 * is held (the button waits), then let through and refused; the refusal is said once, under the button, in `expected`.
 */
async function refusedAdd(page: Page, membershipId: number, added: number, expected: string) {
  const add = page.getByTestId('invite-add');
  await add.waitFor({ timeout: T });
  await page.locator('#invite-vk-id').fill(String(added));
  withAppDb(server, (db) =>
    db.prepare('UPDATE memberships SET sections = \'["mailings"]\' WHERE id = ?').run(membershipId),
  );
  let held: (route: Route) => void = () => {};
  const arrived = new Promise<Route>((resolve) => {
    held = resolve;
  });
  await page.route('**/api/admin/team/members', (route) =>
    route.request().method() === 'POST' ? held(route) : route.continue(),
  );
  await add.click();
  const route = await arrived;
  await expect.poll(() => add.isDisabled(), { timeout: T }).toBe(true);
  const refused = page.waitForResponse((r) => r.request().method() === 'POST');
  await route.continue();
  expect((await refused).status()).toBe(403);
  const refusal = page.getByTestId('invite-add-refusal').getByRole('alert');
  await refusal.waitFor({ timeout: T });
  expect(await refusal.textContent()).toBe(expected);
  await expect.poll(() => page.getByRole('alert').count(), { timeout: T }).toBe(1);
  // Close under the button, not at the page's top; the id is kept for another try.
  const button = await add.boundingBox();
  const text = await refusal.boundingBox();
  expect(text && button && text.y - (button.y + button.height)).toBeLessThan(80);
  expect(await page.locator('#invite-vk-id').inputValue()).toBe(String(added));
  await expect.poll(() => add.isEnabled(), { timeout: T }).toBe(true);
  await refusal.scrollIntoViewIfNeeded();
  const members = withAppDb(server, (db) =>
    db.prepare('SELECT count(*) AS n FROM memberships WHERE platform_user_id = ?').get(String(added)),
  ) as { n: number };
  expect(members.n).toBe(0);
}

describe('team screens: a refused add by VK id', () => {
  for (const vp of viewports) {
    it(`brand team: said under «Добавить», which waits while it is sent (${vp.name}, ${vp.language})`, async () => {
      const actor = addBrandMember(server, { userId: vp.brandActor, sections: ['team', 'mailings'] });
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(
          `${participantUrl(server, { userId: vp.brandActor, language: vp.language })}#/admin/brand/${actor.brandId}/team`,
        );
        await refusedAdd(page, actor.membershipId, vp.added, words.brand[vp.language]);
        await screenshot(page, `office-team-add-refused-${vp.name}-${vp.colorScheme}`);
        // The refused request is the browser's own log line; nothing else may fail.
        expect(watched.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });

    it(`agency team: said under «Добавить» in the agency's words (${vp.name}, ${vp.language})`, async () => {
      const { agencyId } = addAgencyOwner(server, { userId: vp.owner });
      const membershipId = withAppDb(
        server,
        (db) =>
          (
            db
              .prepare(
                "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, NULL, 'agency_manager', '[\"team\",\"mailings\"]') RETURNING id",
              )
              .get(String(vp.manager), agencyId) as { id: number }
          ).id,
      );
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(`${participantUrl(server, { userId: vp.manager, language: vp.language })}#/admin/agency/team`);
        await refusedAdd(page, membershipId, vp.added, words.agency[vp.language]);
        await screenshot(page, `office-agency-team-add-refused-${vp.name}-${vp.colorScheme}`);
        expect(watched.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
