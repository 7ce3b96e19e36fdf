/**
 * Items 13 and 17 as a participant meets them in Chromium: the whole journey in an `en` launch shows no Cyrillic
 * (campaign content, tasks, rewards, quiz, wheel, rules, errors); in a `ru` launch a missing campaign and a failed
 * request read in Russian, never the server's English. Plus the small things a user sees (item 17) on a 390 px
 * phone: the code field's placeholder fits, a wrong code's error does not survive a reload, the campaign's accent
 * colour is used, the quiz says which result earns which prize.
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

const T = 15_000;
const CYRILLIC = /[\u0400-\u04FF]/;
const phone = { width: 390, height: 844, mobile: true, colorScheme: 'light' as const };

/** All text on screen (what a user reads), minus what the user typed into fields. */
// biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text; textContent would add hidden nodes
const screenText = (page: Page) => page.evaluate(() => document.body.innerText);

async function expectNoCyrillic(page: Page, where: string) {
  await page.waitForTimeout(150); // let a re-render after the last answer settle
  const text = await screenText(page);
  const found = text.match(new RegExp(`.{0,30}${CYRILLIC.source}.{0,30}`))?.[0];
  expect(found, `Cyrillic on the ${where} screen`).toBeUndefined();
}

async function openCampaign(page: Page, slug: string) {
  await page.getByTestId(`campaign-${slug}`).click({ timeout: 20_000 });
  await page.getByTestId('campaign-title').waitFor({ timeout: T });
}

/** The sector the pointer (at the top) points at, from the wheel's rotation and its equal sectors. */
async function sectorUnderPointer(page: Page): Promise<{ key: string; label: string }> {
  return page.getByTestId('wheel').evaluate((wheel) => {
    const disc = wheel.querySelector('[data-rotation]') as HTMLElement;
    const rotation = Number(disc.dataset.rotation);
    const sectors = [...wheel.querySelectorAll<HTMLElement>('[data-testid^="wheel-sector-"]')];
    const size = 360 / sectors.length;
    // Sector i spans [i*size, (i+1)*size) clockwise from the top before turning; the pointer reads angle -rotation.
    const angle = (((-rotation % 360) + 360) % 360) + 0.0001;
    const sector = sectors[Math.floor(angle / size) % sectors.length] as HTMLElement;
    return {
      key: (sector.dataset.testid ?? '').replace('wheel-sector-', ''),
      label: (sector.textContent ?? '').trim(),
    };
  });
}

/**
 * The sectors whose label is drawn outside its own sector: each label's centre on screen, as an angle clockwise from
 * the top around the wheel's centre, must fall within the sector's arc as the wheel now rests.
 */
async function labelsOutsideTheirSectors(page: Page): Promise<string[]> {
  return page.getByTestId('wheel').evaluate((wheel) => {
    const disc = wheel.querySelector('[data-rotation]') as HTMLElement;
    const rotation = Number(disc.dataset.rotation);
    const box = disc.getBoundingClientRect();
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const sectors = [...wheel.querySelectorAll<HTMLElement>('[data-testid^="wheel-sector-"]')];
    const size = 360 / sectors.length;
    return sectors.flatMap((sector, i) => {
      const text = (sector.firstElementChild as HTMLElement).getBoundingClientRect();
      const [x, y] = [text.x + text.width / 2, text.y + text.height / 2];
      const angle = ((Math.atan2(x - cx, cy - y) * 180) / Math.PI + 360) % 360;
      const fromStart = (((angle - i * size - rotation) % 360) + 360) % 360;
      return fromStart < size ? [] : [`${sector.dataset.testid} at ${Math.round(angle)}°`];
    });
  });
}

async function back(page: Page) {
  await page
    .getByRole('button', { name: /Назад|Back/ })
    .first()
    .click();
}

describe('item 13: the participant journey in English', () => {
  it('item 13: an en launch shows no Cyrillic from the campaign list through tasks, rewards, rules, quiz and wheel', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      context.on('page', (p) => void p.close());
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(participantUrl(server, { userId: 500_001, language: 'en' }));
      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: 20_000 });
      await expectNoCyrillic(page, 'home');

      await openCampaign(page, 'summer-tasks');
      await page.getByTestId('progress').waitFor({ timeout: T });
      await expectNoCyrillic(page, 'tasks campaign');
      await page.getByTestId('task-action-join').click();
      await page.locator('[data-testid="task-join"][data-state="done"]').waitFor({ timeout: T });
      // A wrong code: the error is English and names no server jargon.
      await page.getByTestId('task-code-pack-code').fill('NOPE-0000');
      await page.getByTestId('task-action-pack-code').click();
      await page.locator('[data-testid="task-pack-code"][data-state="failed"]').waitFor({ timeout: T });
      await expectNoCyrillic(page, 'failed code');
      await page.getByTestId('campaign-rules').click();
      await page.getByTestId('rules-prizes').waitFor({ timeout: T });
      for (const key of ['organizer', 'dates', 'prizes', 'winners'])
        await page.getByTestId(`rules-${key}`).waitFor({ timeout: T });
      await expectNoCyrillic(page, 'rules');
      await screenshot(page, 'languages-en-rules');
      await back(page);

      await back(page);
      await openCampaign(page, 'brand-quiz');
      await page.getByTestId('quiz-tier-expert').waitFor({ timeout: T });
      // Item 17: each result band says which prize it earns.
      expect(await page.getByTestId('quiz-tier-expert').textContent()).toContain('25% off');
      expect(await page.getByTestId('quiz-tier-novice').textContent()).toContain('No prize');
      await expectNoCyrillic(page, 'quiz intro');
      await page.getByTestId('quiz-start').click();
      for (const [i, options] of [['b'], ['a', 'b'], ['a'], ['a'], ['b']].entries()) {
        await page.getByTestId('quiz-question').waitFor({ timeout: T });
        await expectNoCyrillic(page, 'quiz question');
        // The progress bar is named as its caption reads, not VKUI's "20 / 100".
        await page.getByRole('progressbar', { name: `Question ${i + 1} of 5`, exact: true }).waitFor({ timeout: T });
        for (const o of options) await page.getByTestId(`quiz-option-${o}`).click();
        const submit = page.getByTestId('quiz-submit');
        if (await submit.isVisible()) await submit.click();
        else await page.getByTestId('quiz-next').click();
      }
      await page.getByTestId('quiz-score').waitFor({ timeout: T });
      await expectNoCyrillic(page, 'quiz result');
      await back(page);
      // Item 17: the quiz home shows the user's own result after finishing.
      await page.getByTestId('quiz-own-result').waitFor({ timeout: T });
      expect(await page.getByTestId('quiz-own-result').textContent()).toMatch(/5 of 5/);
      // On a line of its own under the intro: it ran on from it, "…so take your time.Your result: 5 of 5…".
      const gap = await page.getByTestId('quiz-own-result').evaluate((own) => {
        const intro = own.previousElementSibling?.getBoundingClientRect();
        return intro ? own.getBoundingClientRect().top - intro.bottom : Number.NaN;
      });
      expect(gap).toBeGreaterThanOrEqual(8);
      await back(page);

      await openCampaign(page, 'lucky-wheel');
      await page.getByTestId('wheel-odds').waitFor({ timeout: T });
      await expectNoCyrillic(page, 'wheel');
      await page.getByTestId('wheel-spin').click();
      const outcome = page.locator('[data-testid="spin-win"], [data-testid="spin-lose"]');
      await outcome.waitFor({ timeout: T });
      await page.waitForTimeout(500); // the state is re-read after the result: the wheel must not change under it
      // Item 16: the sector under the pointer is what the app says was won (or the loss).
      const under = await sectorUnderPointer(page);
      if ((await outcome.getAttribute('data-testid')) === 'spin-win') {
        expect(await outcome.textContent()).toContain(under.label);
        expect(under.key).not.toBe('lose');
      } else {
        expect(under.key).toBe('lose');
      }
      await expectNoCyrillic(page, 'wheel result');
      await screenshot(page, 'languages-en-wheel');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('item 13: errors in a Russian launch are Russian', () => {
  it('item 13: a missing campaign and a failed request read in Russian, with no Latin error text', async () => {
    const { page, context } = await openWatchedPage(browser, phone);
    try {
      const url = participantUrl(server, { userId: 500_002, language: 'ru' });
      await page.goto(`${url}#/campaign/999`);
      // Titled as what it is: not found, not "Что-то пошло не так" (a refusal is not a failure).
      const title = page.getByText('Не найдено', { exact: true });
      await title.waitFor({ timeout: 20_000 });
      let text = await screenText(page);
      expect(text).toContain('Такой акции нет');
      expect(text).not.toMatch(/does not exist|Campaign 999|campaign_not_found/);
      await screenshot(page, 'languages-ru-missing-campaign');

      // A missing campaign is final: no Retry, a way home instead (in Russian).
      expect(await page.getByRole('button', { name: 'Повторить' }).count()).toBe(0);
      await page.getByRole('button', { name: 'На главную' }).waitFor({ timeout: T });

      // The network fails on the next screen: that error is worth retrying, and reads in Russian too.
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await page.evaluate(() => {
        window.location.hash = '#/campaign/998';
      });
      await page.getByText('Нет связи с сервером').waitFor({ timeout: T });
      // A real failure keeps the generic title.
      await page.getByText('Что-то пошло не так').waitFor({ timeout: T });
      await page.getByRole('button', { name: 'Повторить' }).click();
      await page.getByText('Нет связи с сервером').waitFor({ timeout: T });
      text = await screenText(page);
      expect(text).not.toMatch(/cannot be reached|Failed to fetch|network/i);
      const message = await page.getByText('Нет связи с сервером').textContent();
      expect(message).not.toMatch(/[A-Za-z]/);
    } finally {
      await context.close();
    }
  });
});

describe('item 17: small things a user sees', () => {
  it('item 17: on a 390 px phone the code placeholder fits, a wrong code error does not survive a reload, the accent colour is the campaign’s', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      context.on('page', (p) => void p.close());
      await page.goto(participantUrl(server, { userId: 500_003, language: 'ru' }));
      await openCampaign(page, 'summer-tasks');
      const field = page.getByTestId('task-code-pack-code');
      await field.waitFor({ timeout: T });
      const fit = await field.evaluate((el) => {
        const input = el as HTMLInputElement;
        const style = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return { text: ctx.measureText(input.placeholder).width, room };
      });
      expect(fit.text).toBeLessThanOrEqual(fit.room);

      await field.fill('NOPE-0000');
      await page.getByTestId('task-action-pack-code').click();
      await page.locator('[data-testid="task-pack-code"][data-state="failed"]').waitFor({ timeout: T });
      expect(await page.getByTestId('task-pack-code').textContent()).toContain('Такого кода нет');
      await page.reload();
      await page.locator('[data-testid="task-pack-code"][data-state="failed"]').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('task-code-pack-code').inputValue()).toBe('');
      expect(await page.getByTestId('task-pack-code').textContent()).not.toContain('Такого кода нет');

      // The tasks campaign's accent (#2688EB) is VKUI's default blue; the quiz's (#E64646) must show.
      await back(page);
      await openCampaign(page, 'brand-quiz');
      const [bg, label] = await page
        .getByTestId('quiz-start')
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(bg).toBe('rgb(230, 70, 70)');
      // Black, by contrast ratio: 5.3:1 where white was 3.9:1.
      expect(label).toBe('rgb(0, 0, 0)');
      await screenshot(page, 'languages-ru-quiz-accent');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('item 16: the wheel shows what it gives', () => {
  it('item 16: each label sits in its own sector; a won prize stays under the pointer, then leaves the wheel; the next spin lands on a prize that is granted', async () => {
    // Every spin wins (no lose weight), so the check does not depend on luck.
    const db = new Database(join(server.dataDir, 'app.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare(
        "UPDATE campaigns SET settings = json_set(settings, '$.wheel.loseWeight', 0) WHERE slug = 'lucky-wheel'",
      ).run();
    } finally {
      db.close();
    }
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(participantUrl(server, { userId: 500_004, language: 'ru' }));
      await openCampaign(page, 'lucky-wheel');
      await page.getByTestId('wheel').waitFor({ timeout: T });
      expect(await labelsOutsideTheirSectors(page)).toEqual([]);
      await page.getByTestId('wheel-spin').click();
      await page.getByTestId('spin-win').waitFor({ timeout: T });
      await page.waitForTimeout(500);
      expect(await labelsOutsideTheirSectors(page)).toEqual([]);
      const first = await sectorUnderPointer(page);
      expect(await page.getByTestId('spin-win').textContent()).toContain(first.label);
      // The odds list now shows the won prize off this user's wheel, with the note that odds moved.
      await page.getByTestId(`wheel-off-${first.key}`).waitFor({ timeout: T });
      await page.getByTestId('task-action-join').click(); // +1 attempt
      await page.locator('[data-testid="task-join"][data-state="done"]').waitFor({ timeout: T });
      await page.getByTestId('wheel-spin').click();
      await page.getByTestId('spin-win').waitFor({ timeout: T });
      await page.waitForTimeout(500);
      expect(await labelsOutsideTheirSectors(page)).toEqual([]);
      const second = await sectorUnderPointer(page);
      expect(second.key).not.toBe(first.key);
      expect(await page.getByTestId('spin-win').textContent()).toContain(second.label);
      expect(await page.getByTestId(`wheel-sector-${first.key}`).count()).toBe(0);
      await screenshot(page, 'languages-ru-wheel-second-win');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
