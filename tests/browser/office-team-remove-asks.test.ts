/**
 * Removing a member from a brand's team asks first, naming them, in Chromium on a phone (light, ru) and a desktop
 * (dark, en). Found from outside: one tap on «Убрать из команды» took the member's rights at once (only a new
 * invitation gives them back), while removing a canned answer asked. Now: the question names the member, «Отмена»
 * leaves them in the team with nothing sent, and the confirmation removes them with one DELETE.
 */
import type { Browser } from 'playwright-core';
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
    owner: 7361,
    member: 7371,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7362,
    member: 7372,
  },
] as const;

const stillMember = (membershipId: number) =>
  withAppDb(server, (db) => db.prepare('SELECT id FROM memberships WHERE id = ?').get(membershipId) !== undefined);

describe('office team: removing a member', () => {
  for (const vp of viewports) {
    it(`asks first, naming the member; cancel keeps them, confirm removes them once (${vp.name})`, async () => {
      addAgencyOwner(server, { userId: vp.owner });
      const { membershipId, brandId } = addBrandMember(server, { userId: vp.member, sections: ['mailings'] });
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      const deletes: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'DELETE') deletes.push(new URL(r.url()).pathname);
      });
      try {
        await page.goto(
          `${participantUrl(server, { userId: vp.owner, language: vp.language })}#/admin/brand/${brandId}/team`,
        );
        await page.getByTestId(`member-${vp.member}-edit`).click({ timeout: T });
        await page.getByTestId(`member-${membershipId}-remove`).click();

        const question = page.getByTestId(`member-${membershipId}-confirm`);
        await question.waitFor({ timeout: T });
        expect(await question.textContent()).toContain(`id${vp.member}`);
        // The Alert's appearing animation over, so the picture and the sizes are the settled ones.
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await screenshot(page, `office-team-remove-asks-${vp.name}-${vp.colorScheme}`);
        // Both answers whole on a phone (a long label was cut to «Убрать из коман…» beside «Отме…»).
        for (const id of ['confirm-cancel', 'confirm-remove']) {
          const button = page.getByTestId(`member-${membershipId}-${id}`);
          expect(
            await button.evaluate((b) =>
              [b, ...b.querySelectorAll('*')].some((el) => el.scrollWidth > el.clientWidth + 1),
            ),
          ).toBe(false);
        }
        await page.getByTestId(`member-${membershipId}-confirm-cancel`).click();
        await question.waitFor({ state: 'detached', timeout: T });
        expect(deletes).toEqual([]);
        expect(stillMember(membershipId)).toBe(true);

        const removed = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await page.getByTestId(`member-${membershipId}-remove`).click();
        await page.getByTestId(`member-${membershipId}-confirm-remove`).click({ timeout: T });
        expect((await removed).status()).toBe(204);
        await page.getByTestId(`member-${membershipId}-remove`).waitFor({ state: 'detached', timeout: T });
        expect(await page.getByTestId(`member-${vp.member}`).count()).toBe(0);
        expect(deletes).toEqual([`/api/admin/team/members/${membershipId}`]);
        expect(stillMember(membershipId)).toBe(false);
        expect(watched.errors).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
