/**
 * A refused invite or revoke on the agency's team is said beside what was tapped, in Chromium on a phone (light, ru)
 * and a desktop (dark, en). Found from outside: the refusal appeared at the top of the page, out of sight on a phone
 * below the team list and the invite form. Here an agency-wide manager's `team` right is taken away after the page
 * opened, so the server refuses both: the link's refusal is said under «Создать ссылку», busy while it is on its way,
 * and the revoke's under its invitation.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Route } from 'playwright-core';
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
    owner: 7661,
    manager: 7671,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7662,
    manager: 7672,
  },
] as const;

/** An agency-wide manager with team, and a pending agency-wide invitation made by the owner. */
function managerAndInvitation(agencyId: number, owner: number, manager: number) {
  return withAppDb(server, (db) => {
    const { id: membershipId } = db
      .prepare(
        "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, NULL, 'agency_manager', '[\"team\",\"mailings\"]') RETURNING id",
      )
      .get(String(manager), agencyId) as { id: number };
    const { id: invitationId } = db
      .prepare(
        'INSERT INTO invitations (token_hash, agency_id, brand_id, role, sections, platform, expires_at, created_by_platform, created_by_user_id) ' +
          "VALUES (?, ?, NULL, 'agency_manager', '[\"mailings\"]', 'vk', ?, 'vk', ?) RETURNING id",
      )
      .get(randomBytes(16).toString('hex'), agencyId, Date.now() + 86_400_000, String(owner)) as { id: number };
    return { membershipId, invitationId };
  });
}

const said = (language: 'ru' | 'en') => (language === 'ru' ? /^Не получилось: .+/ : /^That did not work: .+/);

describe('agency team: a refused invite or revoke', () => {
  for (const vp of viewports) {
    it(`is said beside its button, which waits while it is sent (${vp.name}, ${vp.language})`, async () => {
      const { agencyId } = addAgencyOwner(server, { userId: vp.owner });
      const { membershipId, invitationId } = managerAndInvitation(agencyId, vp.owner, vp.manager);
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(`${participantUrl(server, { userId: vp.manager, language: vp.language })}#/admin/agency/team`);
        const create = page.getByTestId('invite-create');
        await create.waitFor({ timeout: T });
        await page.getByTestId(`invitation-${invitationId}-revoke`).waitFor({ timeout: T });
        withAppDb(server, (db) =>
          db.prepare('UPDATE memberships SET sections = \'["mailings"]\' WHERE id = ?').run(membershipId),
        );

        // The link: held on its way, the button waits; let through, the server refuses and it is said under it.
        let held: (route: Route) => void = () => {};
        const arrived = new Promise<Route>((resolve) => {
          held = resolve;
        });
        await page.route('**/api/admin/team/invitations', (route) =>
          route.request().method() === 'POST' ? held(route) : route.continue(),
        );
        await create.click();
        const route = await arrived;
        await expect.poll(() => create.isDisabled(), { timeout: T }).toBe(true);
        const refused = page.waitForResponse((r) => r.request().method() === 'POST');
        await route.continue();
        expect((await refused).status()).toBe(403);
        const refusal = page.getByTestId('invite-create-refusal').getByRole('alert');
        await refusal.waitFor({ timeout: T });
        expect(await refusal.textContent()).toMatch(said(vp.language));
        await expect.poll(() => create.isEnabled(), { timeout: T }).toBe(true);
        // Said once, there, and close to the button (not at the page's top).
        expect(await page.getByRole('alert').count()).toBe(1);
        const button = await create.boundingBox();
        const text = await refusal.boundingBox();
        expect(text && button && text.y - (button.y + button.height)).toBeLessThan(80);
        await refusal.scrollIntoViewIfNeeded();
        await screenshot(page, `office-agency-team-refused-invite-${vp.name}-${vp.colorScheme}`);

        // The revoke: refused, said under that invitation; the link's refusal is gone.
        const revoked = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await page.getByTestId(`invitation-${invitationId}-revoke`).click();
        await page.getByTestId(`invitation-${invitationId}-confirm-revoke`).click({ timeout: T });
        expect((await revoked).status()).toBe(403);
        const revokeRefusal = page.getByTestId(`agency-invitation-${invitationId}-refusal`).getByRole('alert');
        await revokeRefusal.waitFor({ timeout: T });
        expect(await revokeRefusal.textContent()).toMatch(said(vp.language));
        await expect.poll(() => page.getByRole('alert').count(), { timeout: T }).toBe(1);
        await screenshot(page, `office-agency-team-refused-revoke-${vp.name}-${vp.colorScheme}`);
        // The refused requests are the browser's own log lines; nothing else may fail.
        expect(watched.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
