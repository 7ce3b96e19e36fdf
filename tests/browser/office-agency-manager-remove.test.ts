/**
 * Removing an agency manager of chosen brands, in Chromium on a phone (light, ru) and a desktop (dark, en). Found from
 * outside: one tap on «Убрать из команды» sent one DELETE per brand with no question, and a failure half way left the
 * manager removed from some brands and still managing others. Now: the question names them, «Отмена» sends nothing,
 * a refusal is said beside the buttons with its reason, and the confirmation removes every brand of theirs with one
 * request (server/office/team/manager-removal.ts).
 */
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
    owner: 7461,
    manager: 7471,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7462,
    manager: 7472,
  },
] as const;

/** A manager of two chosen brands of the agency (a second brand made for them): a row per brand. */
function addChosenManager(agencyId: number, userId: number, label: string): number[] {
  return withAppDb(server, (db) => {
    const first = db.prepare('SELECT id FROM brands WHERE agency_id = ? ORDER BY id LIMIT 1').get(agencyId) as {
      id: number;
    };
    const second = db
      .prepare('INSERT INTO brands (agency_id, name) VALUES (?, ?) RETURNING id')
      .get(agencyId, `Brand ${label}`) as { id: number };
    return [first.id, second.id].map(
      (brandId) =>
        (
          db
            .prepare(
              "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, ?, 'agency_manager', '[\"mailings\"]') RETURNING id",
            )
            .get(String(userId), agencyId, brandId) as { id: number }
        ).id,
    );
  });
}

const managerRows = (userId: number) =>
  withAppDb(
    server,
    (db) =>
      (
        db
          .prepare("SELECT count(*) AS n FROM memberships WHERE platform_user_id = ? AND role = 'agency_manager'")
          .get(String(userId)) as { n: number }
      ).n,
  );

describe('agency team: removing a manager of chosen brands', () => {
  for (const vp of viewports) {
    it(`asks first; a refusal is said beside the buttons; confirmed, one request removes every brand (${vp.name})`, async () => {
      const { agencyId } = addAgencyOwner(server, { userId: vp.owner });
      const rows = addChosenManager(agencyId, vp.manager, vp.name);
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      const deletes: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'DELETE') deletes.push(new URL(r.url()).pathname);
      });
      try {
        await page.goto(`${participantUrl(server, { userId: vp.owner, language: vp.language })}#/admin/agency/team`);
        await page.getByTestId(`agency-person-${vp.manager}-edit`).click({ timeout: T });
        const remove = page.getByTestId(`agency-person-${vp.manager}-remove`);
        await remove.click();

        const question = page.getByTestId(`agency-person-${vp.manager}-confirm`);
        await question.waitFor({ timeout: T });
        expect(await question.textContent()).toContain(`id${vp.manager}`);
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await screenshot(page, `office-agency-manager-remove-asks-${vp.name}-${vp.colorScheme}`);
        await page.getByTestId(`agency-person-${vp.manager}-confirm-cancel`).click();
        await question.waitFor({ state: 'detached', timeout: T });
        expect(deletes).toEqual([]);
        expect(managerRows(vp.manager)).toBe(2);

        // Another owner removed them meanwhile: the server's refusal is said here, in the editor, with its reason.
        const saved = withAppDb(server, (db) =>
          db.prepare('SELECT * FROM memberships WHERE id IN (?, ?) ORDER BY id').all(rows[0], rows[1]),
        ) as Record<string, unknown>[];
        withAppDb(server, (db) => db.prepare('DELETE FROM memberships WHERE id IN (?, ?)').run(rows[0], rows[1]));
        const refused = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await remove.click();
        await page.getByTestId(`agency-person-${vp.manager}-confirm-remove`).click({ timeout: T });
        expect((await refused).status()).toBe(404);
        const refusal = page.getByTestId(`agency-person-${vp.manager}-refusal`).getByRole('alert');
        await refusal.waitFor({ timeout: T });
        expect(await refusal.textContent()).toMatch(
          vp.language === 'ru' ? /^Не получилось: .+/ : /^That did not work: .+/,
        );
        expect(await remove.isEnabled()).toBe(true);
        await screenshot(page, `office-agency-manager-remove-refused-${vp.name}-${vp.colorScheme}`);

        // Back as they were: one confirmed removal, one request, every brand of theirs gone.
        withAppDb(server, (db) => {
          const insert = db.prepare(
            'INSERT INTO memberships (id, platform, platform_user_id, agency_id, brand_id, role, sections, created_at) VALUES (@id, @platform, @platform_user_id, @agency_id, @brand_id, @role, @sections, @created_at)',
          );
          for (const r of saved) insert.run(r);
        });
        deletes.length = 0;
        const removed = page.waitForResponse((r) => r.request().method() === 'DELETE');
        await remove.click();
        await page.getByTestId(`agency-person-${vp.manager}-confirm-remove`).click({ timeout: T });
        expect((await removed).status()).toBe(204);
        await page.getByTestId(`agency-person-${vp.manager}-editor`).waitFor({ state: 'detached', timeout: T });
        await page.getByTestId(`agency-person-${vp.owner}`).waitFor({ timeout: T });
        expect(await page.getByTestId(`agency-person-${vp.manager}`).count()).toBe(0);
        expect(deletes).toEqual([`/api/admin/team/members/${rows[0]}/brands`]);
        expect(managerRows(vp.manager)).toBe(0);
        // The 404 of the refused removal is the browser's own log line; nothing else may fail.
        expect(watched.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
