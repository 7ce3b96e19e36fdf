/**
 * The office's CSVs inside VK's mobile app, in Chromium (phone light ru). VK's Android WebView is played by a fake
 * bridge (tests/fakes/vk-android-bridge.ts), so the mini app runs its VK adapter as it does there, where a blob
 * download saves nothing. The leads CSV and «who is stuck where» CSV buttons hand VK's downloader
 * (`VKWebAppDownloadFile`) a signed link under the file's name, and nothing is saved as a blob; the link, fetched as
 * VK's downloader does — with no launch data at all — gives the very bytes the office's own CSV route gives the member.
 * Red before: both buttons only saved a blob (no `VKWebAppDownloadFile` call; in VK's mobile clients, no file).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFakeVkAndroidBridge, vkDownloads } from '../fakes/vk-android-bridge.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const MEMBER = 7_981;
const T = 30_000;
const HOUR = 3_600_000;

let server: StartedServer;
let browser: Browser;
let leadsCampaign: DemoCampaign;
let quiz: DemoCampaign;

/** A lead in the tasks campaign (made a calculator's: only its form leaves leads), and people stuck in the quiz. */
function seed(): void {
  withAppDb(server, (db) => {
    db.prepare("UPDATE campaigns SET mechanic = 'calculator' WHERE id = ?").run(leadsCampaign.id);
    const at = Date.now() - 2 * HOUR;
    const { id: participantId } = db
      .prepare(
        "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code) VALUES (?, 'vk', '798100', ?, 'ref-csv-1') RETURNING id",
      )
      .get(leadsCampaign.id, at) as { id: number };
    db.prepare(
      'INSERT INTO leads (key, campaign_id, participant_id, name, phone, phone_verified, email, email_verified, calculation, consent_at, consent_version, consent_text, policy_url, created_at) ' +
        "VALUES ('csv-lead-1', ?, ?, 'Анна Смирнова', '+79110001122', 1, NULL, 0, ?, ?, '2026-11-01', 'Я согласен', 'https://brand.example/privacy', ?)",
    ).run(leadsCampaign.id, participantId, JSON.stringify({ result: 1060, inputs: { area: 50 } }), at, at);
    const stuck = db.prepare(
      "INSERT INTO participants (campaign_id, platform, platform_user_id, stage, stage_reached_at, referral_code) VALUES (?, 'vk', ?, 'opened', ?, ?)",
    );
    for (let i = 0; i < 3; i++) stuck.run(quiz.id, String(798_200 + i), Date.now() - (48 + i) * HOUR, `ref-csv-s${i}`);
  });
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  leadsCampaign = demoCampaign(server);
  quiz = demoCampaign(server, 'brand-quiz');
  addBrandMember(server, { userId: MEMBER, brandId: leadsCampaign.brandId, sections: ['leads', 'stats'] });
  if (quiz.brandId !== leadsCampaign.brandId) {
    addBrandMember(server, { userId: MEMBER, brandId: quiz.brandId, sections: ['stats'] });
  }
  seed();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const launch = () => participantUrl(server, { userId: MEMBER, language: 'ru' }).split('#')[0] as string;

/** What the office's own CSV route answers the member (with their launch data). */
async function officeCsv(path: string): Promise<Buffer> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `VK ${new URL(launch()).search.slice(1)}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** VK's downloader: the URL alone, no Authorization, no launch query. */
async function downloadAsVk(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  return Buffer.from(await res.arrayBuffer());
}

describe('office CSVs in VK’s mobile app', () => {
  it('leads and «who is stuck where» go to VK’s downloader by a signed link that needs no launch data (phone light ru)', {
    timeout: 4 * T,
  }, async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      colorScheme: 'light',
      mobile: true,
    });
    try {
      await page.addInitScript(installFakeVkAndroidBridge);
      const blobDownloads: string[] = [];
      page.on('download', (d) => blobDownloads.push(d.suggestedFilename()));

      // Leads.
      await page.goto(`${launch()}#/admin/campaign/${leadsCampaign.id}/leads`);
      await activePanel(page).getByTestId('leads-csv').waitFor({ timeout: T });
      await activePanel(page).getByText('Анна Смирнова').waitFor({ timeout: T });
      await activePanel(page).getByTestId('leads-csv').click();
      await expect.poll(async () => (await vkDownloads(page)).length, { timeout: T }).toBe(1);
      const [leads] = await vkDownloads(page);
      expect(leads?.filename).toBe(`leads-${leadsCampaign.id}.csv`);
      expect(leads?.url.startsWith(`${server.baseUrl}/api/office-downloads/leads-csv/`)).toBe(true);
      // The link carries a grant, not the member's launch data.
      expect(new URL(leads?.url ?? '').search).toBe('');
      const leadsBytes = await downloadAsVk(leads?.url ?? '');
      expect(leadsBytes.equals(await officeCsv(`/api/admin/campaigns/${leadsCampaign.id}/leads.csv`))).toBe(true);
      expect(leadsBytes.toString('utf8')).toContain('Анна Смирнова');
      await screenshot(page, 'office-csv-vk-download-leads-phone-light-ru');

      // Who is stuck where.
      await page.goto(`${launch()}#/admin/campaign/${quiz.id}/stats/stuck/opened?hours=24`);
      await expect
        .poll(async () => Number(await activePanel(page).getByTestId('stuck-total').getAttribute('data-value')), {
          timeout: T,
        })
        .toBeGreaterThanOrEqual(3);
      await activePanel(page).getByTestId('stuck-csv').click();
      // (The same page may still hold the leads call: a new hash is no new document.)
      const stuckOf = async () => (await vkDownloads(page)).filter((d) => d.filename.startsWith('stuck-'));
      await expect.poll(async () => (await stuckOf()).length, { timeout: T }).toBe(1);
      const [stuck] = await stuckOf();
      expect(stuck?.filename).toBe(`stuck-${quiz.id}-opened-24h.csv`);
      expect(stuck?.url.startsWith(`${server.baseUrl}/api/office-downloads/stuck-csv/`)).toBe(true);
      expect(new URL(stuck?.url ?? '').search).toBe('');
      const stuckBytes = await downloadAsVk(stuck?.url ?? '');
      const direct = `/api/admin/funnel/campaigns/${quiz.id}/stuck?stage=opened&minHours=24&limit=50000&format=csv`;
      expect(stuckBytes.equals(await officeCsv(direct))).toBe(true);
      expect(stuckBytes.toString('utf8')).toContain('798200');
      await screenshot(page, 'office-csv-vk-download-stuck-phone-light-ru');

      // Nothing went the blob way, which VK's mobile clients do not save.
      expect(blobDownloads).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
