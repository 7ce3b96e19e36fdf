/**
 * Steps every manager walk shares (tests/browser/manager-*-walk.test.ts): a brand member with the sections a brand's
 * manager gets, a draft from a catalogue template, codes loaded into each of its pools by the way the editor's problem
 * leads, and a launch, all as the manager does them in the office.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StartedServer } from '../support/start-server.ts';
import { addBrandMember } from './office-members.ts';

const T = 20_000;

/** A member of the server's first brand with campaigns, launch, prizes, mailings, stats and support (not team or leads). */
export function addManager(server: StartedServer, userId: number): void {
  addBrandMember(server, { userId, sections: ['campaigns', 'launch', 'prizes', 'mailings', 'stats', 'support'] });
}

/** The draft's code pools (key and id), from the running server's database. */
export function poolsOf(server: StartedServer, campaignId: number): { id: number; key: string }[] {
  const db = new Database(join(server.dataDir, 'app.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, key FROM promo_code_pools WHERE campaign_id = ? ORDER BY id').all(campaignId) as {
      id: number;
      key: string;
    }[];
  } finally {
    db.close();
  }
}

export const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

/** Office home → New campaign → the template's "Use": the new draft's id, its editor open. */
export async function draftFromTemplate(page: Page, officeUrl: string, templateKey: string): Promise<number> {
  await page.goto(`${officeUrl.split('#')[0]}#/admin`);
  await page.getByTestId('office-new-campaign').click({ timeout: 30_000 });
  await page.getByTestId(`office-use-${templateKey}`).click({ timeout: T });
  await field(page, 'title').waitFor({ timeout: T });
  const id = Number(/#\/admin\/campaign\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

/**
 * The editor's "no free codes" problem leads to the pools screen; a CSV of `count` codes (`<KEY>-<campaign>-<n>`) is
 * uploaded to every pool of the draft; back in the editor.
 */
export async function loadCodesByTheProblem(page: Page, server: StartedServer, campaignId: number, count = 60) {
  await page.getByTestId('office-problem-pool_without_codes').first().click();
  await page.waitForURL(new RegExp(`#/admin/campaign/${campaignId}/pools$`), { timeout: T });
  for (const pool of poolsOf(server, campaignId)) {
    await page.getByTestId(`pool-${pool.key}`).waitFor({ timeout: T });
    const codes = Array.from({ length: count }, (_, i) => `${pool.key.toUpperCase()}-${campaignId}-${i + 1}`);
    await page
      .locator(
        `[data-testid="pool-upload-${pool.id}"] input[type=file], input[type=file][data-testid="pool-upload-${pool.id}"]`,
      )
      .setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(`code\n${codes.join('\n')}\n`) });
    await page.getByTestId(`pool-import-done-${pool.id}`).waitFor({ timeout: 30_000 });
  }
  await page.goBack();
  await field(page, 'title').waitFor({ timeout: T });
}

/** Saves the editor's edits and waits for "saved". */
export async function save(page: Page): Promise<void> {
  await page.getByTestId('office-save').click();
  await expect
    .poll(() => page.getByTestId('office-save-state').getAttribute('data-state'), { timeout: T })
    .toBe('saved');
}

/** "Launch now", confirmed; the status reads `live` (in the office's language). */
export async function launchNow(page: Page, live: RegExp): Promise<void> {
  await page.getByTestId('office-to-live').click();
  await page.getByTestId('office-confirm').click();
  await expect.poll(() => page.getByTestId('office-status').first().textContent(), { timeout: T }).toMatch(live);
}
