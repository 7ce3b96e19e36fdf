/**
 * An agency-wide manager with `team` editing a fellow manager's brands, in Chromium on a phone (light, ru) and a
 * desktop (dark, en). Found from outside: they could untick a brand the fellow covers (or «every brand») and were
 * refused only on Save (403 beside the button), since taking a manager out of a brand is the agency owner's alone
 * (decision 120). Now the rows' `removable` (false for them) keeps the brands the fellow covers ticked and disabled,
 * with the reason beside each; adding a brand still works; the owner may untick them. A brand where the fellow holds
 * a brand role (the row's `brandRoleBrands`; saving it was refused 409 on Save) is disabled for both, with its reason.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner } from './office-members.ts';

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
    owner: 7751,
    actor: 7753,
    chosen: 7755,
    everywhere: 7757,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7752,
    actor: 7754,
    chosen: 7756,
    everywhere: 7758,
  },
] as const;

const reason = { ru: 'Снять может только владелец агентства', en: 'Only the agency owner can untick it' } as const;
const brandRole = { ru: 'Уже есть роль в этом бренде', en: 'Already has a role in this brand' } as const;

/** A manager row: agency-wide (`brandId` null) or for one brand. */
function addManager(agencyId: number, userId: number, brandId: number | null, sections: string[]) {
  withAppDb(server, (db) =>
    db
      .prepare(
        "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, ?, 'agency_manager', ?)",
      )
      .run(String(userId), agencyId, brandId, JSON.stringify(sections)),
  );
}

const managerBrands = (userId: number) =>
  withAppDb(server, (db) =>
    (
      db
        .prepare(
          "SELECT brand_id AS brandId FROM memberships WHERE platform_user_id = ? AND role = 'agency_manager' ORDER BY brand_id",
        )
        .all(String(userId)) as { brandId: number | null }[]
    ).map((r) => r.brandId),
  );

/** The checkbox input of `testId` (VKUI puts the test id on the input or its label). */
const box = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** The label row of a checkbox: where its reason is read. */
const row = (page: Page, testId: string) =>
  page.locator(`label:has(input[data-testid="${testId}"]), label[data-testid="${testId}"]`).first();

describe('agency team: a fellow manager’s brands', () => {
  for (const vp of viewports) {
    it(`the brands only the owner may take away are ticked, disabled and say why (${vp.name}, ${vp.language})`, async () => {
      const { agencyId } = addAgencyOwner(server, { userId: vp.owner });
      const [first, second, third] = withAppDb(server, (db) => {
        const one = db.prepare('SELECT id FROM brands WHERE agency_id = ? ORDER BY id LIMIT 1').get(agencyId) as {
          id: number;
        };
        const brand = (name: string) =>
          (
            db.prepare('INSERT INTO brands (agency_id, name) VALUES (?, ?) RETURNING id').get(agencyId, name) as {
              id: number;
            }
          ).id;
        return [one.id, brand(`Brand kept ${vp.name}`), brand(`Brand role ${vp.name}`)];
      });
      addManager(agencyId, vp.actor, null, ['team', 'mailings']);
      addManager(agencyId, vp.chosen, first, ['mailings']);
      addManager(agencyId, vp.everywhere, null, ['mailings']);
      withAppDb(server, (db) =>
        db
          .prepare(
            "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, ?, 'brand_member', '[]')",
          )
          .run(String(vp.chosen), agencyId, third),
      );
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(`${participantUrl(server, { userId: vp.actor, language: vp.language })}#/admin/agency/team`);

        // A fellow of one chosen brand: that brand stays ticked, disabled, with the reason; the other may be added.
        await page.getByTestId(`agency-person-${vp.chosen}-edit`).click({ timeout: T });
        await page.getByTestId(`agency-person-${vp.chosen}-editor`).waitFor({ timeout: T });
        expect(await box(page, `manager-brand-${first}`).isChecked()).toBe(true);
        expect(await box(page, `manager-brand-${first}`).isDisabled()).toBe(true);
        expect(await row(page, `manager-brand-${first}`).textContent()).toContain(reason[vp.language]);
        expect(await box(page, `manager-brand-${second}`).isDisabled()).toBe(false);
        expect(await row(page, `manager-brand-${second}`).textContent()).not.toContain(reason[vp.language]);
        expect(await box(page, 'manager-brands-all').isDisabled()).toBe(false);
        expect(await box(page, `manager-brand-${third}`).isDisabled()).toBe(true);
        expect(await row(page, `manager-brand-${third}`).textContent()).toContain(brandRole[vp.language]);
        await screenshot(page, `office-agency-manager-brands-kept-${vp.name}-${vp.colorScheme}`);
        // Adding a brand is theirs to do, and the server takes it.
        await row(page, `manager-brand-${second}`).click();
        const saved = page.waitForResponse((r) => r.request().method() === 'PUT');
        await page.getByTestId('manager-brands-save').click();
        expect((await saved).status()).toBe(200);
        await page.getByTestId(`agency-person-${vp.chosen}-editor`).waitFor({ state: 'detached', timeout: T });
        expect(managerBrands(vp.chosen)).toEqual([first, second].sort((a, b) => a - b));

        // A fellow of every brand: «every brand» stays ticked and disabled, with the reason.
        await page.getByTestId(`agency-person-${vp.everywhere}-edit`).click({ timeout: T });
        await page.getByTestId(`agency-person-${vp.everywhere}-editor`).waitFor({ timeout: T });
        expect(await box(page, 'manager-brands-all').isChecked()).toBe(true);
        expect(await box(page, 'manager-brands-all').isDisabled()).toBe(true);
        expect(await row(page, 'manager-brands-all').textContent()).toContain(reason[vp.language]);
        expect(await page.getByRole('alert').count()).toBe(0);
        await page.getByTestId(`agency-person-${vp.everywhere}-editor`).scrollIntoViewIfNeeded();
        await screenshot(page, `office-agency-manager-brands-kept-all-${vp.name}-${vp.colorScheme}`);
        expect(watched.errors).toEqual([]);
      } finally {
        await watched.context.close();
      }

      // The owner may take brands away: only the brand-role brand stays disabled for them, with its reason.
      const owner = await openWatchedPage(browser, vp);
      try {
        await owner.page.goto(
          `${participantUrl(server, { userId: vp.owner, language: vp.language })}#/admin/agency/team`,
        );
        await owner.page.getByTestId(`agency-person-${vp.chosen}-edit`).click({ timeout: T });
        await owner.page.getByTestId(`agency-person-${vp.chosen}-editor`).waitFor({ timeout: T });
        expect(await box(owner.page, `manager-brand-${first}`).isDisabled()).toBe(false);
        expect(await box(owner.page, `manager-brand-${second}`).isDisabled()).toBe(false);
        expect(await owner.page.getByText(reason[vp.language]).count()).toBe(0);
        expect(await box(owner.page, `manager-brand-${third}`).isDisabled()).toBe(true);
        expect(await row(owner.page, `manager-brand-${third}`).textContent()).toContain(brandRole[vp.language]);
        expect(owner.errors).toEqual([]);
      } finally {
        await owner.context.close();
      }
    });
  }
});
