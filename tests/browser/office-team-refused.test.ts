/**
 * A refused write on a brand's team is said beside what was tapped, in Chromium on a phone (light, ru) and a desktop
 * (dark, en), as the agency's team screen does (office-agency-team-refused). Found from outside: every refusal (a
 * member's save or removal, a link, an add, a revoke) appeared at the top of the page, out of sight on a phone below
 * the team list and the invite form. Here a brand member's `team` right is taken away after the page opened, so the
 * server refuses each: the save's refusal is said under the editor's buttons (the button busy while it is on its way),
 * the removal's there too, the link's under «Создать ссылку» and the revoke's under its invitation, one at a time.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

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
    actor: 7681,
    member: 7691,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    actor: 7682,
    member: 7692,
  },
] as const;

/** A pending invitation to the brand, made by `actor`. */
function pendingInvitation(agencyId: number, brandId: number, actor: number) {
  return withAppDb(server, (db) => {
    const { id } = db
      .prepare(
        'INSERT INTO invitations (token_hash, agency_id, brand_id, role, sections, platform, expires_at, created_by_platform, created_by_user_id) ' +
          "VALUES (?, ?, ?, 'brand_member', '[\"mailings\"]', 'vk', ?, 'vk', ?) RETURNING id",
      )
      .get(randomBytes(16).toString('hex'), agencyId, brandId, Date.now() + 86_400_000, String(actor)) as {
      id: number;
    };
    return id;
  });
}

const said = (language: 'ru' | 'en') => (language === 'ru' ? /^Не получилось: .+/ : /^That did not work: .+/);

/** The one alert on the page is under `testId`, says why, and sits within 80 px below `above`. */
async function saidUnder(page: Page, testId: string, above: string, language: 'ru' | 'en') {
  const refusal = page.getByTestId(testId).getByRole('alert');
  await refusal.waitFor({ timeout: T });
  expect(await refusal.textContent()).toMatch(said(language));
  await expect.poll(() => page.getByRole('alert').count(), { timeout: T }).toBe(1);
  const button = await page.getByTestId(above).boundingBox();
  const text = await refusal.boundingBox();
  expect(text && button && text.y - (button.y + button.height)).toBeLessThan(80);
  await refusal.scrollIntoViewIfNeeded();
}

describe('brand team: a refused write', () => {
  for (const vp of viewports) {
    it(`is said beside what was tapped, its button waiting while it is sent (${vp.name}, ${vp.language})`, async () => {
      const actor = addBrandMember(server, { userId: vp.actor, sections: ['team', 'mailings'] });
      const { membershipId, brandId, agencyId } = addBrandMember(server, { userId: vp.member, sections: ['mailings'] });
      const invitationId = pendingInvitation(agencyId, brandId, vp.actor);
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(
          `${participantUrl(server, { userId: vp.actor, language: vp.language })}#/admin/brand/${brandId}/team`,
        );
        await page.getByTestId(`invitation-${invitationId}-revoke`).waitFor({ timeout: T });
        await page.getByTestId(`member-${vp.member}-edit`).click({ timeout: T });
        const save = page.getByTestId(`member-${membershipId}-save`);
        await save.waitFor({ timeout: T });
        withAppDb(server, (db) =>
          db.prepare('UPDATE memberships SET sections = \'["mailings"]\' WHERE id = ?').run(actor.membershipId),
        );

        // The save: held on its way, the button waits; let through, the server refuses and it is said under the editor.
        let held: (route: Route) => void = () => {};
        const arrived = new Promise<Route>((resolve) => {
          held = resolve;
        });
        await page.route(`**/api/admin/team/members/${membershipId}`, (route) =>
          route.request().method() === 'PATCH' ? held(route) : route.continue(),
        );
        await save.click();
        const route = await arrived;
        await expect.poll(() => save.isDisabled(), { timeout: T }).toBe(true);
        const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
        await route.continue();
        expect((await refused).status()).toBe(403);
        await saidUnder(page, `member-${membershipId}-refusal`, `member-${membershipId}-remove`, vp.language);
        await expect.poll(() => save.isEnabled(), { timeout: T }).toBe(true);
        await screenshot(page, `office-team-refused-save-${vp.name}-${vp.colorScheme}`);

        // The removal: refused, the editor stays open and says so under its buttons.
        const removed = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await page.getByTestId(`member-${membershipId}-remove`).click();
        await page.getByTestId(`member-${membershipId}-confirm-remove`).click({ timeout: T });
        expect((await removed).status()).toBe(403);
        await saidUnder(page, `member-${membershipId}-refusal`, `member-${membershipId}-remove`, vp.language);

        // The link: said under «Create link»; the editor's refusal is gone.
        const linked = page.waitForResponse((r) => r.request().method() === 'POST');
        await page.getByTestId('invite-create').click();
        expect((await linked).status()).toBe(403);
        await saidUnder(page, 'invite-create-refusal', 'invite-create', vp.language);
        await screenshot(page, `office-team-refused-invite-${vp.name}-${vp.colorScheme}`);

        // The revoke: said under that invitation; the link's refusal is gone.
        const revoked = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await page.getByTestId(`invitation-${invitationId}-revoke`).click();
        await page.getByTestId(`invitation-${invitationId}-confirm-revoke`).click({ timeout: T });
        expect((await revoked).status()).toBe(403);
        await saidUnder(page, `invitation-${invitationId}-refusal`, `invitation-${invitationId}`, vp.language);
        await screenshot(page, `office-team-refused-revoke-${vp.name}-${vp.colorScheme}`);
        // The refused requests are the browser's own log lines; nothing else may fail.
        expect(watched.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
