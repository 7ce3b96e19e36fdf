/**
 * Revoking a pending invitation asks first, in Chromium on a phone (light, ru) on the brand's team and a desktop (dark,
 * en) on the agency's. Found from outside: one tap revoked it at once (its link dead, only a new invitation replaces
 * it) and the button stayed live while the request ran, so a double tap sent it twice. Now: «Отмена» sends nothing,
 * the confirmation sends one DELETE and the invitation reads «отозвано».
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
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
    owner: 7561,
    agencyWide: false,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7562,
    agencyWide: true,
  },
] as const;

/** A pending invitation of the agency's first brand (or the agency as a whole), made by `owner`. */
function addInvitation(agencyId: number, owner: number, agencyWide: boolean): { id: number; brandId: number } {
  return withAppDb(server, (db) => {
    const brand = db.prepare('SELECT id FROM brands WHERE agency_id = ? ORDER BY id LIMIT 1').get(agencyId) as {
      id: number;
    };
    const { id } = db
      .prepare(
        'INSERT INTO invitations (token_hash, agency_id, brand_id, role, sections, platform, expires_at, created_by_platform, created_by_user_id) ' +
          "VALUES (?, ?, ?, ?, '[\"mailings\"]', 'vk', ?, 'vk', ?) RETURNING id",
      )
      .get(
        randomBytes(16).toString('hex'),
        agencyId,
        agencyWide ? null : brand.id,
        agencyWide ? 'agency_manager' : 'brand_member',
        Date.now() + 86_400_000,
        String(owner),
      ) as { id: number };
    return { id, brandId: brand.id };
  });
}

const revokedAt = (id: number) =>
  withAppDb(
    server,
    (db) => (db.prepare('SELECT revoked_at AS r FROM invitations WHERE id = ?').get(id) as { r: number | null }).r,
  );

describe('office team: revoking an invitation', () => {
  for (const vp of viewports) {
    it(`asks first; cancel sends nothing, confirm revokes once (${vp.name}, ${vp.agencyWide ? 'agency' : 'brand'})`, async () => {
      const { agencyId } = addAgencyOwner(server, { userId: vp.owner });
      const inv = addInvitation(agencyId, vp.owner, vp.agencyWide);
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      const deletes: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'DELETE') deletes.push(new URL(r.url()).pathname);
      });
      try {
        const screen = vp.agencyWide ? '#/admin/agency/team' : `#/admin/brand/${inv.brandId}/team`;
        await page.goto(`${participantUrl(server, { userId: vp.owner, language: vp.language })}${screen}`);
        const revoke = page.getByTestId(`invitation-${inv.id}-revoke`);
        await revoke.click({ timeout: T });
        const question = page.getByTestId(`invitation-${inv.id}-confirm`);
        await question.waitFor({ timeout: T });
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await screenshot(page, `office-invitation-revoke-asks-${vp.name}-${vp.colorScheme}`);
        await page.getByTestId(`invitation-${inv.id}-confirm-cancel`).click();
        await question.waitFor({ state: 'detached', timeout: T });
        expect(deletes).toEqual([]);
        expect(revokedAt(inv.id)).toBeNull();

        const revoked = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await revoke.click();
        await page.getByTestId(`invitation-${inv.id}-confirm-revoke`).click({ timeout: T });
        expect((await revoked).status()).toBe(200);
        await revoke.waitFor({ state: 'detached', timeout: T });
        // The list is read again after the write: polled.
        await expect
          .poll(() => page.getByText(vp.language === 'ru' ? /отозвано/ : /revoked/i).count(), { timeout: T })
          .toBeGreaterThan(0);
        expect(deletes).toEqual([`/api/admin/team/invitations/${inv.id}`]);
        expect(revokedAt(inv.id)).not.toBeNull();
        expect(watched.errors).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
