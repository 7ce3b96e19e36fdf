/**
 * Item 3 (issue 15 end to end, through the screens), in Chromium on a phone (light, ru) and a desktop (dark, en): the
 * agency owner creates a brand on the agency screen, opens its team from the brand page and invites a member with
 * only "mailings"; the member opens the link in their own launch, accepts and is offered the Mailings section alone;
 * the owner removes them, the member's next screen is refused; the owner's audit log screen shows the brand created,
 * the invitation created and accepted and the member removed, with the removal's before → after.
 * Only the owner's membership is written into the database (the demo seed has no agency owner).
 * Screenshots: test-results/screenshots/office-audit-*.png (and office-flow-*.png for the steps before).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

const viewports = [
  {
    name: 'phone',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    language: 'ru',
    owner: 7401,
    member: 7411,
  },
  {
    name: 'desktop',
    width: 1280,
    height: 860,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7402,
    member: 7412,
  },
] as const;

/** Makes a VK user the owner (agency_admin) of the demo agency, in the running server's database. */
function makeOwner(userId: number) {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const agency = db.prepare('select id from agencies order by id limit 1').get() as { id: number };
    db.prepare(
      "insert into memberships (platform, platform_user_id, agency_id, brand_id, role, sections) values ('vk', ?, ?, null, 'agency_admin', '[]')",
    ).run(String(userId), agency.id);
  } finally {
    db.close();
  }
}

/** The demo agency's name, as the audit screen shows it for the agency's own entries. */
function demoAgencyName(): string {
  const db = new Database(join(server.dataDir, 'app.db'), { readonly: true });
  try {
    return (db.prepare('select name from agencies order by id limit 1').get() as { name: string }).name;
  } finally {
    db.close();
  }
}

/** A call with the launch of a browser page's URL, as the mini app makes it. */
async function callAs(launchUrl: string, path: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `VK ${new URL(launchUrl).search.slice(1)}` },
  });
  return res.status;
}

/** The actions of the audit entries on screen, top to bottom. */
const actionsShown = (page: Page) =>
  page.locator('[data-testid^="audit-entry-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));

describe('office agency flow', () => {
  for (const vp of viewports) {
    it(`item 3: brand created on the agency screen, mailings-only member invited, accepted, removed, all in the audit screen (${vp.name})`, async () => {
      makeOwner(vp.owner);
      const ownerUrl = participantUrl(server, { userId: vp.owner, language: vp.language });
      const memberUrl = participantUrl(server, { userId: vp.member, language: vp.language });
      const owner = await openWatchedPage(browser, vp);
      const member = await openWatchedPage(browser, vp);
      const brandName = `Flow ${vp.name}`;
      try {
        // The agency screen: a new brand by name.
        await owner.page.goto(`${ownerUrl}#/admin/agency`);
        await owner.page.locator('#agency-new-brand').waitFor({ timeout: 20_000 });
        await owner.page.locator('#agency-new-brand').fill(brandName);
        await owner.page.getByRole('button', { name: /Создать|Create/ }).click();
        const brandRow = owner.page.locator('[data-testid^="agency-brand-"]', { hasText: brandName });
        await brandRow.waitFor({ timeout: 15_000 });
        const brandId = Number((await brandRow.getAttribute('data-testid'))?.replace('agency-brand-', ''));
        expect(brandId).toBeGreaterThan(0);

        // Its page, then its team: invite with only "mailings" and copy the link.
        await owner.page.getByText(brandName).click();
        await owner.page.getByTestId('agency-brand-team').click();
        await owner.page.getByTestId(`member-${vp.owner}`).waitFor({ timeout: 20_000 });
        expect(owner.page.url()).toContain(`#/admin/brand/${brandId}/team`);
        await owner.page.getByTestId('invite-section-mailings').check({ force: true });
        await owner.page.getByTestId('invite-create').click();
        const link = (await owner.page.getByTestId('invite-link').textContent({ timeout: 15_000 })) ?? '';
        const token = /#\/invite\/([A-Za-z0-9_-]+)/.exec(link)?.[1];
        expect(token).toBeTruthy();
        await screenshot(owner.page, `office-flow-invite-${vp.name}-${vp.colorScheme}`);

        // The member, in their own launch: accept, then the office offers Mailings and nothing else.
        await member.page.goto(`${memberUrl}#/invite/${token}`);
        await member.page.getByTestId('invite-accept').click({ timeout: 20_000 });
        await member.page.getByTestId('invite-open-office').click();
        await member.page.getByTestId('office-nav-mailings').waitFor({ timeout: 20_000 });
        for (const other of ['stats', 'support', 'team', 'agency', 'audit']) {
          expect(await member.page.getByTestId(`office-nav-${other}`).count()).toBe(0);
        }
        await screenshot(member.page, `office-flow-member-${vp.name}-${vp.colorScheme}`);

        // The owner removes them from the brand's team.
        await owner.page.reload();
        await owner.page.getByTestId(`member-${vp.member}-edit`).click({ timeout: 20_000 });
        await owner.page.locator('[data-testid$="-remove"]').first().click();
        await owner.page.locator('[data-testid$="-confirm-remove"]').click();
        await owner.page.getByTestId(`member-${vp.member}`).waitFor({ state: 'detached', timeout: 15_000 });

        // The member's next request is refused, and their screen says why, in the office's words, under its header.
        await member.page.getByTestId('office-nav-mailings').click();
        await member.page
          .getByTestId('load-error')
          .getByText(
            vp.language === 'ru'
              ? 'У вас нет прав на это в этом бренде.'
              : 'You have no rights for this in this brand.',
          )
          .waitFor({ timeout: 15_000 });
        expect(await callAs(memberUrl, `/api/admin/team?brandId=${brandId}`)).toBe(403);
        await screenshot(member.page, `office-flow-member-refused-${vp.name}-${vp.colorScheme}`);

        // The owner's office home links the audit log; filtered to the new brand it tells the whole story.
        await owner.page.goto(`${ownerUrl}#/admin`);
        await owner.page.reload();
        await owner.page.getByTestId('office-nav-audit').click({ timeout: 20_000 });
        await owner.page.getByTestId('audit-filters').waitFor({ timeout: 20_000 });
        await owner.page.locator('#audit-brand').click();
        await owner.page.getByRole('option', { name: brandName }).click();
        await expect
          .poll(() => actionsShown(owner.page), { timeout: 15_000 })
          .toEqual(['member.remove', 'invitation.accept', 'invitation.create', 'brand.create']);
        const words =
          vp.language === 'ru'
            ? ['Участник убран из команды', 'Приглашение принято', 'Создано приглашение', 'Создан бренд']
            : ['Member removed from the team', 'Invitation accepted', 'Invitation created', 'Brand created'];
        for (const w of words) await owner.page.getByText(w, { exact: true }).waitFor();
        // Who: the owner and the member by their VK identity, as every office screen names a person (decision 101).
        const entries = owner.page.locator('[data-testid^="audit-entry-"]');
        const vk = vp.language === 'ru' ? 'ВКонтакте' : 'VK';
        expect(await entries.nth(0).textContent()).toContain(`${vk} · id${vp.owner}`);
        expect(await entries.nth(1).textContent()).toContain(`${vk} · id${vp.member}`);
        await screenshot(owner.page, `office-audit-list-${vp.name}-${vp.colorScheme}`);

        // The removal's before → after, worded: the member's role and their one section, then nothing.
        await entries
          .nth(0)
          .getByText(words[0] ?? '')
          .click();
        const diff = owner.page.locator('[data-testid^="audit-diff-"]');
        await diff.waitFor({ timeout: 5_000 });
        expect(await diff.textContent()).toContain(vp.language === 'ru' ? 'Рассылки' : 'Mailings');
        expect(await diff.textContent()).toContain(vp.language === 'ru' ? 'Участник бренда' : 'Brand member');
        await diff.scrollIntoViewIfNeeded();
        await screenshot(owner.page, `office-audit-diff-${vp.name}-${vp.colorScheme}`);

        // VKUI's own words follow the member's language too: the date field's controls and its calendar's months
        // (VKUI's defaults are Russian).
        await owner.page
          .getByRole('button', { name: vp.language === 'ru' ? 'Показать календарь' : 'Show calendar' })
          .click();
        const month = new Intl.DateTimeFormat(vp.language, { month: 'long' }).format(new Date());
        await owner.page
          .getByText(new RegExp(`^${month}$`, 'i'))
          .first()
          .waitFor({ timeout: 5_000 });
        if (vp.language === 'en') {
          // The date field's own controls (its hidden labels for the day, month and year parts included).
          const dates = await owner.page.getByTestId('audit-dates').textContent();
          expect(dates).not.toMatch(/[\u0400-\u04FF]/);
        }
        await screenshot(owner.page, `office-audit-calendar-${vp.name}-${vp.colorScheme}`);
        await owner.page.keyboard.press('Escape');
        // And the selects' own: the clear button (VKUI's is "Очистить поле" in every language) and a person search
        // that finds no one.
        const filters = owner.page.getByTestId('audit-filters');
        await filters.getByRole('button', { name: vp.language === 'ru' ? 'Очистить' : 'Clear', exact: true }).waitFor();
        expect(await filters.getByRole('button', { name: 'Очистить поле' }).count()).toBe(0);
        await owner.page.locator('#audit-person').click();
        await owner.page.keyboard.type('zzzz');
        await owner.page
          .getByText(vp.language === 'ru' ? 'Никого не нашлось' : 'No one found')
          .waitFor({ timeout: 5_000 });
        await owner.page.keyboard.press('Escape');

        if (vp.mobile) {
          // The narrowest phone: nothing may stick out sideways.
          await owner.page.setViewportSize({ width: 320, height: 640 });
          await owner.page.waitForTimeout(300);
          const overflow = await owner.page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          await screenshot(owner.page, `office-audit-320-${vp.colorScheme}`);
        }

        // Item 2: the agency's own team, from the agency screen. A manager added by VK id covers every brand; the
        // owner narrows them to the new brand with the checkboxes, and the server holds exactly that.
        const manager = vp.member + 100;
        await owner.page.goto(`${ownerUrl}#/admin/agency`);
        await owner.page.reload();
        await owner.page.getByTestId('agency-team-link').click({ timeout: 20_000 });
        await owner.page.getByTestId(`agency-person-${vp.owner}`).waitFor({ timeout: 20_000 });
        await owner.page.getByTestId('invite-section-mailings').check({ force: true });
        await owner.page.locator('#invite-vk-id').fill(String(manager));
        await owner.page.getByRole('button', { name: /^(Добавить|Add)$/ }).click();
        const managerCell = owner.page.getByTestId(`agency-person-${manager}`);
        await managerCell.waitFor({ timeout: 15_000 });
        expect(await managerCell.textContent()).toMatch(/Все бренды агентства|Every brand of the agency/);
        await owner.page.getByTestId(`agency-person-${manager}-edit`).click();
        await owner.page.getByTestId('manager-brands-all').uncheck({ force: true });
        await owner.page.getByTestId(`manager-brand-${brandId}`).check({ force: true });
        await screenshot(owner.page, `office-agency-team-editor-${vp.name}-${vp.colorScheme}`);
        await owner.page.getByTestId('manager-brands-save').click();
        await expect.poll(() => managerCell.textContent(), { timeout: 15_000 }).toContain(brandName);
        await screenshot(owner.page, `office-agency-team-${vp.name}-${vp.colorScheme}`);
        const managerUrl = participantUrl(server, { userId: manager, language: vp.language });
        expect(await callAs(managerUrl, `/api/admin/team?brandId=${brandId}`)).toBe(403); // mailings only, no team
        const access = await fetch(`${server.baseUrl}/api/admin/office`, {
          headers: { Authorization: `VK ${new URL(managerUrl).search.slice(1)}` },
        });
        const brands = ((await access.json()) as { brands: { id: number; sections: string[] }[] }).brands;
        expect(brands).toEqual([expect.objectContaining({ id: brandId, sections: ['mailings'] })]);

        // Issue 15, audit: the agency's own entries (the manager added agency-wide, then narrowed) reach the owner's
        // audit screen under the agency's name, picked alone with "agency only".
        await owner.page.goto(`${ownerUrl}#/admin`);
        await owner.page.reload();
        await owner.page.getByTestId('office-nav-audit').click({ timeout: 20_000 });
        await owner.page.locator('#audit-brand').click({ timeout: 20_000 });
        await owner.page
          .getByRole('option', { name: vp.language === 'ru' ? 'Только агентство' : 'Agency only' })
          .click();
        await expect
          .poll(async () => (await actionsShown(owner.page)).slice(0, 2), { timeout: 15_000 })
          .toEqual(['member.update', 'member.add']);
        const agencyEntry = owner.page.locator('[data-testid^="audit-entry-"]').first();
        expect(await agencyEntry.textContent()).toContain(demoAgencyName());
        await screenshot(owner.page, `office-audit-agency-${vp.name}-${vp.colorScheme}`);

        expect(owner.errors).toEqual([]);
        // The member's refused requests are logged by the browser as 403s; nothing else may fail.
        expect(member.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
      } finally {
        await owner.context.close();
        await member.context.close();
      }
    }, 180_000);
  }
});
