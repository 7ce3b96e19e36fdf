/**
 * The mailing rule editor as an outside tester found it, in Chromium (phone dark in Russian, desktop light in
 * English): Save is never greyed out without a reason — pressed with blanks, it marks the blank fields and names them;
 * a 422 from the server is shown at the field its `issues[].path` names (variant A's text), and named in words under
 * Save; the audience's launch sources are offered by name ("Каталог: недавние"), an unknown one as sent.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 30_000;
const MAILER = 761_001;
/** Launch sources of seeded participants: two VK knows, one it does not. */
const SOURCES = ['catalog_recent', 'im_chat', 'mystery_ref_42'];

let server: StartedServer;
let browser: Browser;
let campaignId: number;

/** A member with only `mailings` on the demo brand, and participants who came from the sources above. */
function seedWorld(): number {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const c = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c JOIN brands b ON b.id = c.brand_id ' +
          "WHERE c.slug = 'summer-tasks'",
      )
      .get() as { id: number; brandId: number; agencyId: number };
    addBrandMember(server, { userId: MAILER, brandId: c.brandId, sections: ['mailings'] });
    const now = Date.now();
    SOURCES.forEach((source, i) => {
      db.prepare(
        "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, language, source, last_seen_at) VALUES (?, 'vk', ?, ?, ?, 'ru', ?, ?)",
      ).run(c.id, String(761_100 + i), now, `src${i}`, source, now);
    });
    return c.id;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  campaignId = seedWorld();
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'phone-dark-ru', width: 390, height: 844, mobile: true, colorScheme: 'dark', language: 'ru' },
  { name: 'desktop-light-en', width: 1280, height: 900, mobile: false, colorScheme: 'light', language: 'en' },
] as const;

const words = {
  ru: {
    fill: 'Заполните: Название, Вариант A: текст (русский)',
    variantText: 'Вариант A: текст (русский)',
    tooLong: '4 000',
    sources: ['Каталог: недавние', 'Чат ВКонтакте', 'mystery_ref_42'],
  },
  en: {
    fill: 'Fill in: Name, Variant A: text (Russian)',
    variantText: 'Variant A: text (Russian)',
    tooLong: '4,000',
    sources: ['Catalogue: recent', 'A VK chat', 'mystery_ref_42'],
  },
} as const;

/** The form item (VKUI FormItem) by its test id: whether VKUI marks it an error, and the text under it. */
async function field(page: Page, id: string) {
  const item = page.getByTestId(id);
  return {
    error: ((await item.getAttribute('class')) ?? '').includes('status-error'),
    // Without waiting: a field with nothing under it has no such element. Russian numbers group with a narrow space.
    bottom: (await item.locator('.vkuiFormItem__bottom').allTextContents()).join(' ').replace(/\s/g, ' '),
  };
}

/** Opens a new rule in the editor as the mailer, in the viewport's colours and language. */
async function openNewRule(vp: (typeof viewports)[number]) {
  const w = await openWatchedPage(browser, vp);
  const url = participantUrl(server, { userId: MAILER, language: vp.language });
  await w.page.goto(`${url}#/admin/campaign/${campaignId}/mailings/rule/new`);
  await w.page.locator('#rule-name').waitFor({ timeout: T });
  return w;
}

const statusText = async (page: Page) => (await page.getByTestId('rule-error').textContent()) ?? '';

describe('the mailing rule editor names what is wrong and where', () => {
  for (const vp of viewports) {
    const say = words[vp.language];

    it(`launch sources are offered by name, an undocumented one as sent (${vp.name})`, async () => {
      const w = await openNewRule(vp);
      try {
        const options = await w.page
          .locator('[data-testid="segment-source"] option, select[data-testid="segment-source"] option')
          .allTextContents();
        for (const label of say.sources) expect(options).toContain(label);
        // No value VK documents (or of a family it documents) is the whole label, the demo's own sources too; only the
        // undocumented one is shown as sent (a Telegram start_param is the brand's own word, not «unknown»).
        const raw = options.filter((o) => /^[a-z0-9_]+$/.test(o));
        expect(raw).toEqual(['mystery_ref_42']);
        for (const demo of ['group_menu', 'ads', 'story', 'catalog_recent', 'im_chat'])
          expect(options).not.toContain(demo);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });

    it(`Save with blanks is not greyed out: pressed, it names and marks the blank fields (${vp.name})`, async () => {
      const w = await openNewRule(vp);
      const { page } = w;
      try {
        const save = page.getByTestId('rule-save');
        expect(await save.isDisabled()).toBe(false);
        await save.click();
        await expect.poll(() => statusText(page), { timeout: T }).toContain(say.fill);
        expect((await field(page, 'rule-field-name')).error).toBe(true);
        expect((await field(page, 'rule-field-variants.0.texts.ru')).error).toBe(true);
        await screenshot(page, `office-mailings-rule-blanks-${vp.name}`);
        // Typing the name takes its mark away; the text's stays until it is written.
        await page.locator('#rule-name').fill(`Rule ${vp.name}`);
        expect((await field(page, 'rule-field-name')).error).toBe(false);
        expect((await field(page, 'rule-field-variants.0.texts.ru')).error).toBe(true);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });

    it(`a 422 at variants.0.text is shown at variant A's text and named under Save (${vp.name})`, async () => {
      const w = await openNewRule(vp);
      const { page } = w;
      try {
        // Variant A's Russian text: the form's first text box.
        const text = page.locator('textarea').first();
        await page.locator('#rule-name').fill(`Rule ${vp.name}`);
        // Over the server's 4000 characters: only the server refuses it.
        await text.fill('я'.repeat(4001));
        await page.getByTestId('rule-save').click();
        await expect.poll(() => statusText(page), { timeout: T }).toContain(say.variantText);
        const at = await field(page, 'rule-field-variants.0.texts.ru');
        expect(at.error).toBe(true);
        expect(at.bottom).toContain(say.tooLong);
        expect((await field(page, 'rule-field-name')).error).toBe(false);
        await page.getByTestId('rule-field-variants.0.texts.ru').scrollIntoViewIfNeeded();
        await screenshot(page, `office-mailings-rule-422-${vp.name}`);
        // Fixed, the mark goes and the rule saves.
        await text.fill('Осталось одно задание');
        expect((await field(page, 'rule-field-variants.0.texts.ru')).error).toBe(false);
        await page.getByTestId('rule-save').click();
        await page.waitForURL(/\/mailings$/, { timeout: T });
        // The refused save's own 422 is the browser's console line about it; nothing else may be there.
        expect(w.errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }
});
