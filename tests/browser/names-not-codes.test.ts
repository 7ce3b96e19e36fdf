/**
 * Office and participant screens name things, not codes (decision 086), in Chromium:
 * - a task's funnel stage reads «Задание «<title>»» on the funnel chart, in the mailing pickers, the rule list, a
 *   broadcast's results and the support desk's progress, as the stuck list's CSV names it (before, "Task <key>" or
 *   the raw "task:<key>" everywhere but the CSV);
 * - the quiz result's "no prize" line is centred (before, left: text-align on VKUI's inline span did nothing);
 * - an offer's discount reads «−30 %» as the office writes percentages (before, «−30%»);
 * - the lead's screen says whether the platform verified the phone in the CSV's words (before, «Телефон · …»), and
 *   its delivery log words an attempt's outcome (before, «Попытка 1: timeout»).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_VK_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;
const T = 15_000;

async function api<R>(launch: string, method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `VK ${new URL(launch).search.slice(1)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

const admin = (language: 'ru' | 'en') => participantUrl(server, { userId: DEMO_ADMIN_VK_ID, language, role: 'admin' });

/** The demo's tasks campaign, with its `task_done` stage (and the events behind it) turned into its first task's. */
let c: { id: number; brandId: number; title: string; key: string; taskRu: string; taskEn: string };

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  c = withAppDb(server, (db) => {
    const campaign = db
      .prepare("SELECT id, brand_id AS brandId, title, stages FROM campaigns WHERE slug = 'summer-tasks'")
      .get() as { id: number; brandId: number; title: string; stages: string };
    const task = db
      .prepare('SELECT key, title, translations FROM promo_tasks WHERE campaign_id = ? ORDER BY position LIMIT 1')
      .get(campaign.id) as { key: string; title: string; translations: string };
    const stage = `task:${task.key}`;
    const stages = (JSON.parse(campaign.stages) as string[]).filter((s) => s !== 'task_done');
    stages.splice(1, 0, stage);
    db.prepare('UPDATE campaigns SET stages = ? WHERE id = ?').run(JSON.stringify(stages), campaign.id);
    db.prepare("UPDATE events SET type = ? WHERE campaign_id = ? AND type = 'task_done'").run(stage, campaign.id);
    const en = (JSON.parse(task.translations ?? '{}') as { en?: { title?: string } }).en?.title ?? task.title;
    return {
      id: campaign.id,
      brandId: campaign.brandId,
      title: campaign.title,
      key: task.key,
      taskRu: task.title,
      taskEn: en,
    };
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const words = (language: 'ru' | 'en') => (language === 'ru' ? `Задание «${c.taskRu}»` : `Task “${c.taskEn}”`);
const optionTexts = (page: Page, testId: string) =>
  page.locator(`select[data-testid="${testId}"] option, [data-testid="${testId}"] option`).allTextContents();

describe("a task's funnel stage is named by the task's title on every office screen", () => {
  for (const language of ['ru', 'en'] as const) {
    it(`the funnel chart, the rule list, the mailing pickers and a broadcast's results (${language})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, {
        width: 1280,
        height: 900,
        colorScheme: language === 'ru' ? 'light' : 'dark',
      });
      try {
        await page.goto(`${admin(language)}#/admin/campaign/${c.id}/stats`);
        const row = page.getByTestId(`stats-funnel-stage-${c.id}-task:${c.key}`);
        await row.waitFor({ timeout: 30_000 });
        expect(await row.textContent()).toContain(words(language));
        expect(await row.textContent()).not.toMatch(/Task \w|task:/);

        // A rule whose goal is the task's stage: the list says "reached «the task»".
        const name = `Goal ${language}`;
        await api(admin(language), 'POST', `/api/admin/mailing/campaigns/${c.id}/rules`, {
          name,
          stage: 'opened',
          notStage: `task:${c.key}`,
          minHours: 24,
          channel: 'message',
          variants: [{ key: 'A', text: 'Вернитесь к заданию' }],
        });
        await page.goto(`${admin(language)}#/admin/campaign/${c.id}/mailings`);
        const rule = page.locator('.vkuiSimpleCell__host, [class*="SimpleCell"]').filter({ hasText: name }).first();
        await rule.waitFor({ timeout: T });
        expect(await rule.textContent()).toContain(words(language));
        expect(await rule.textContent()).not.toMatch(/Task \w|task:/);
        await page.goto(`${admin(language)}#/admin/campaign/${c.id}/mailings/broadcast/new`);
        await page.getByTestId('segment-stage').waitFor({ timeout: T });
        for (const picker of ['segment-stage', 'target-stage']) {
          const texts = await optionTexts(page, picker);
          expect(texts, picker).toContain(words(language));
          expect(texts.join(' | '), picker).not.toMatch(/Task \w|task:/);
        }
        await screenshot(page, `names-not-codes-composer-${language}`);
        // A broadcast whose goal is the task's stage (to nobody: a tag no one has): its results say "reached «the task»".
        const sent = await api<{ broadcast: { id: number } }>(
          admin(language),
          'POST',
          `/api/admin/mailing/campaigns/${c.id}/broadcasts`,
          {
            name: `Goal broadcast ${language}`,
            segment: { tags: ['nobody-names-not-codes'] },
            channel: 'message',
            text: 'Вернитесь к заданию',
            targetStage: `task:${c.key}`,
            // Now, whatever the campaign's clock: a broadcast held for the quiet hours shows no results yet.
            ignoreQuietHours: true,
          },
        );
        await page.goto(`${admin(language)}#/admin/campaign/${c.id}/mailings/broadcast/${sent.broadcast.id}`);
        const reached = page.getByText(language === 'ru' ? /^Дошли до/ : /^Reached/);
        await reached.waitFor({ timeout: T });
        expect(await reached.textContent()).toContain(words(language));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the support desk: the participant’s stage beside their request', async () => {
    const userId = 861_001;
    const url = participantUrl(server, { userId, language: 'ru' });
    await api(url, 'POST', `/api/campaigns/${c.id}/open`, {});
    const { ticket } = await api<{ ticket: { id: number } }>(url, 'POST', '/api/support/tickets', {
      campaignId: c.id,
      subject: 'Задание',
      body: 'Я выполнил задание, что дальше?',
    });
    withAppDb(server, (db) =>
      db
        .prepare('UPDATE participants SET stage = ? WHERE campaign_id = ? AND platform_user_id = ?')
        .run(`task:${c.key}`, c.id, String(userId)),
    );
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${admin('ru')}#/admin/brand/${c.brandId}/support/ticket/${ticket.id}`);
      const progress = page.getByTestId('thread-progress');
      await progress.waitFor({ timeout: T });
      await expect.poll(() => progress.textContent(), { timeout: T }).toContain(`${c.title}: ${words('ru')}`);
      expect(await progress.textContent()).not.toMatch(/Task \w|task:/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** How far the text's middle is from its container's: 0 when centred. */
async function offCentre(text: Locator, container: Locator): Promise<number> {
  const box = await container.boundingBox();
  const middle = await text.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return r.left + r.width / 2;
  });
  if (!box) throw new Error('no container box');
  return Math.abs(middle - (box.x + box.width / 2));
}

describe('participant screens', () => {
  const desktop = { width: 1280, height: 800, colorScheme: 'light' } as const;

  it('the quiz result’s "no prize" line is centred', async () => {
    const { page, context, errors } = await openWatchedPage(browser, desktop);
    try {
      const url = participantUrl(server, { userId: 862_001, language: 'ru' });
      await page.goto(url);
      await page.getByTestId('campaign-brand-quiz').click({ timeout: 20_000 });
      await page.getByTestId('quiz-start').click({ timeout: T });
      // Wrong answers: the "novice" band, which has no prize.
      const answers = [['a'], ['c'], ['b'], ['b'], ['a']];
      for (const [n, options] of answers.entries()) {
        await page.getByTestId('quiz-question').waitFor({ timeout: T });
        for (const o of options) await page.getByTestId(`quiz-option-${o}`).click();
        await page.getByTestId(n === answers.length - 1 ? 'quiz-submit' : 'quiz-next').click();
      }
      const line = page.getByTestId('quiz-reward-none');
      await line.waitFor({ timeout: T });
      // Red before: the line started at the left padding, hundreds of pixels off its group's middle.
      expect(await offCentre(line, line.locator('xpath=..'))).toBeLessThan(2);
      await screenshot(page, 'names-not-codes-quiz-no-prize');

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an offer’s discount is written as the office writes percentages: «−30 %»', async () => {
    const feed = readFileSync(new URL('../../server/catalogue/testing/retailer-feed.xml', import.meta.url), 'utf8')
      .replace('2026-06-05', '2099-12-31')
      .replace('2026-06-03', '2000-01-01')
      .replace(/<picture>[^<]*<\/picture>/g, '');
    await api(admin('ru'), 'POST', `/api/admin/campaigns/${c.id}/offers/import`, { format: 'yml', content: feed });
    const offer = withAppDb(server, (db) => {
      const row = db.prepare('SELECT id, title FROM offers WHERE campaign_id = ? ORDER BY id LIMIT 1').get(c.id) as {
        id: number;
        title: string;
      };
      db.prepare('UPDATE offers SET discount_percent = 30, old_price = NULL WHERE id = ?').run(row.id);
      return row;
    });
    const { page, context, errors } = await openWatchedPage(browser, {
      ...desktop,
      width: 390,
      height: 844,
      mobile: true,
    });
    try {
      const url = participantUrl(server, { userId: 862_002, language: 'ru' });
      await api(url, 'POST', `/api/campaigns/${c.id}/open`, {});
      await page.goto(`${url}#/campaign/${c.id}/offers`);
      const cell = page.getByTestId(`offer-${offer.id}`);
      await cell.waitFor({ timeout: T });
      expect(await cell.textContent()).toContain('−30\u00a0%');
      await cell.click();
      await page.getByTestId('offer-price').waitFor({ timeout: T });
      expect(await page.getByTestId('offer-price').textContent()).toContain('−30\u00a0%');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the lead's screen", () => {
  it('says whether the platform verified the phone in the words of the CSV’s column and cell', async () => {
    const leadId = withAppDb(server, (db) => {
      // Only a calculator's form makes leads: the tasks campaign stands in for one (as office-leads.test does).
      db.prepare("UPDATE campaigns SET mechanic = 'calculator' WHERE id = ?").run(c.id);
      const now = Date.now();
      const { id: participantId } = db
        .prepare(
          "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code) VALUES (?, 'vk', ?, ?, ?) RETURNING id",
        )
        .get(c.id, '863001', now, 'ref-names-not-codes') as { id: number };
      const id = (
        db
          .prepare(
            'INSERT INTO leads (key, campaign_id, participant_id, name, phone, phone_verified, email, email_verified, calculation, consent_at, consent_version, consent_text, policy_url, created_at) ' +
              "VALUES ('names-not-codes', ?, ?, 'Анна', '+79110001122', 1, 'anna@example.com', 0, ?, ?, '2026-11-01', 'Согласна', 'https://brand.example/privacy', ?) RETURNING id",
          )
          .get(c.id, participantId, JSON.stringify({ result: 1060, inputs: {} }), now, now) as { id: number }
      ).id;
      db.prepare(
        'INSERT INTO lead_delivery_attempts (lead_id, attempt, started_at, finished_at, outcome, http_status, error) VALUES (?, 1, ?, ?, ?, NULL, NULL)',
      ).run(id, now, now + 10_000, 'timeout');
      db.prepare(
        "INSERT INTO lead_deliveries (lead_id, status, attempts, next_attempt_at, last_error, delivered_at, created_at) VALUES (?, 'pending', 1, ?, NULL, NULL, ?)",
      ).run(id, now + 60_000, now);
      return id;
    });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${admin('ru')}#/admin/campaign/${c.id}/leads/${leadId}`);
      await page.getByTestId('lead-status').waitFor({ timeout: T });
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).toContain('Телефон подтверждён платформой: Да');
      expect(text).toContain('E-mail подтверждён платформой: Нет');
      expect(text).not.toContain('·\u00a0подтверждён');
      expect(text).not.toContain('введён вручную');
      // The CRM delivery log words an attempt's outcome (before, the stored «timeout»).
      expect(await page.getByTestId('lead-attempt-1').textContent()).toContain('Попытка 1: CRM не ответила вовремя');
      await screenshot(page, 'names-not-codes-lead');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
