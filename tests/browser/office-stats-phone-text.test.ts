/**
 * The statistics page read on a 390-px phone and on a desktop, Russian and English (found from outside): the funnel's
 * stage labels under its bars do not overlap one another and stay inside the chart, and the period line shows worded
 * dates ("1 декабря") on as many lines as it needs instead of ISO days cut with an ellipsis.
 *
 * The labels are drawn on a canvas, so they have no DOM boxes: an init script records every `fillText` with its box
 * (the text's own measured extent, through the transform it was drawn with), and the test compares those boxes.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_VK_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { telemetryCount, writeStatsHistory } from './stats-history.ts';

let server: StartedServer;
let browser: Browser;
let campaignId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const file = join(server.dataDir, 'app.db');
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare('SELECT campaign_id AS id FROM telemetry_events GROUP BY campaign_id ORDER BY COUNT(*) DESC LIMIT 1')
      .get() as { id: number } | undefined;
    campaignId =
      row?.id ?? (db.prepare(`SELECT id FROM campaigns WHERE slug = 'summer-tasks'`).get() as { id: number }).id;
  } finally {
    db.close();
  }
  if (telemetryCount(file, campaignId) < 100) writeStatsHistory(file, campaignId);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The demo brand admin's launch (the same community as the printed admin link). */
const adminLaunch = (language: 'ru' | 'en') =>
  participantUrl(server, { userId: DEMO_ADMIN_VK_ID, language, role: 'admin' });

interface DrawnText {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Records, per canvas, the texts of its latest full drawing with their boxes in the canvas's CSS pixels. */
function recordCanvasText() {
  type Recorded = HTMLCanvasElement & { __texts?: DrawnText[] };
  const proto = CanvasRenderingContext2D.prototype;
  const fillText = proto.fillText;
  const clearRect = proto.clearRect;
  proto.clearRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    // uPlot clears the whole canvas before each redraw: the texts of the previous drawing are gone.
    if (w >= this.canvas.width && h >= this.canvas.height) (this.canvas as Recorded).__texts = [];
    clearRect.call(this, x, y, w, h);
  };
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
    const m = this.measureText(text);
    const t = this.getTransform();
    const scale = this.canvas.width / (this.canvas.getBoundingClientRect().width || this.canvas.width);
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
      [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ].map(([px = 0, py = 0]) => t.transformPoint(new DOMPoint(px, py)));
    const xs = corners.map((p) => p.x / scale);
    const ys = corners.map((p) => p.y / scale);
    const canvas = this.canvas as Recorded;
    canvas.__texts ??= [];
    canvas.__texts.push({
      text,
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
    });
    if (max === undefined) fillText.call(this, text, x, y);
    else fillText.call(this, text, x, y, max);
  };
}

/** The texts the funnel chart's canvas drew last, less the y axis's numbers. */
async function funnelLabels(page: Page): Promise<{ labels: DrawnText[]; width: number; height: number }> {
  const canvas = page.locator(`[data-testid="stats-funnel-chart-${campaignId}"] canvas`);
  return canvas.evaluate((el) => {
    const texts = ((el as HTMLCanvasElement & { __texts?: DrawnText[] }).__texts ?? []).filter(
      (t) => !/^[\d\s.,%\u00a0\u202f−-]*$/.test(t.text),
    );
    const box = el.getBoundingClientRect();
    return { labels: texts, width: box.width, height: box.height };
  });
}

const overlap = (a: DrawnText, b: DrawnText) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

const cases = [
  { name: 'phone-ru', width: 390, height: 844, mobile: true, language: 'ru' },
  { name: 'phone-en', width: 390, height: 844, mobile: true, language: 'en' },
  { name: 'desktop-ru', width: 1280, height: 800, mobile: false, language: 'ru' },
] as const;

describe('the statistics page on a phone', () => {
  for (const c of cases) {
    it(`funnel stage labels do not overlap and stay inside the chart (${c.name})`, async () => {
      const { page, context } = await openWatchedPage(browser, { ...c, colorScheme: 'light' });
      try {
        await page.addInitScript(recordCanvasText);
        await page.goto(`${adminLaunch(c.language)}#/admin/campaign/${campaignId}/stats`);
        const chart = page.locator(`[data-testid="stats-funnel-chart-${campaignId}"] canvas`);
        await chart.waitFor({ timeout: 30_000 });
        await page.getByTestId('stats-funnel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await expect.poll(async () => (await funnelLabels(page)).labels.length, { timeout: 10_000 }).toBeGreaterThan(1);
        const { labels, width, height } = await funnelLabels(page);
        await screenshot(page, `office-stats-phone-text-${c.name}-funnel`);
        for (const [i, a] of labels.entries()) {
          expect(a.left, a.text).toBeGreaterThanOrEqual(-0.5);
          expect(a.right, a.text).toBeLessThanOrEqual(width + 0.5);
          expect(a.top, a.text).toBeGreaterThanOrEqual(-0.5);
          expect(a.bottom, a.text).toBeLessThanOrEqual(height + 0.5);
          for (const b of labels.slice(i + 1)) expect(overlap(a, b), `"${a.text}" over "${b.text}"`).toBe(false);
        }
      } finally {
        await context.close();
      }
    });
  }

  for (const c of cases.slice(0, 2)) {
    it(`the period line shows worded dates and wraps instead of being cut (${c.name})`, async () => {
      const { page, context } = await openWatchedPage(browser, { ...c, colorScheme: 'light' });
      try {
        await page.goto(`${adminLaunch(c.language)}#/admin/campaign/${campaignId}/stats`);
        const range = page.getByTestId('stats-range');
        await range.waitFor({ timeout: 30_000 });
        await page.getByTestId('stats-previous-range').waitFor({ timeout: 30_000 });
        const month = c.language === 'ru' ? /\d{1,2} [а-я]+/ : /\d{1,2} [A-Z][a-z]+/;
        for (const line of [range, page.getByTestId('stats-previous-range')]) {
          const text = (await line.textContent()) ?? '';
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          expect(text).toMatch(month);
        }
        // No element of the period line hides part of its text (an ellipsis is content wider than its box); VKUI's
        // blank visually-hidden helpers are 1 px boxes by design and carry no text.
        const cut = await range.evaluate((el) =>
          [el, ...el.querySelectorAll('*')]
            .filter((e) => e.textContent?.trim())
            .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
            .map((e) => e.textContent),
        );
        expect(cut).toEqual([]);
        await range.scrollIntoViewIfNeeded();
        await screenshot(page, `office-stats-phone-text-${c.name}-range`);
      } finally {
        await context.close();
      }
    });
  }
});
