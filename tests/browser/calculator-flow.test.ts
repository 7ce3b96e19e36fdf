/**
 * Item 4 (issue 17): the calculator end to end in Chromium. A brand admin clones the calculator template, builds the
 * calculator in its editor (an input added and switched to yes/no; a formula with an unknown name first, whose
 * position shows under the field, then fixed) while the live preview (the participant's real screen in the phone
 * frame) follows; saves; sets the CRM webhook; launches. A participant on a phone (VK launch) opens it, is refused
 * an out-of-range value under its field, calculates, leaves a lead with consent; a repeat answers the first lead.
 * The lead reaches the fake CRM once, with a valid HMAC signature (the webhook sender run once, as the bot process
 * runs it), and is listed by the office's leads route. Screenshots under test-results/screenshots/calculator-*.png.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { schema } from '../../server/db/client.ts';
import { closeDatabase, openDb } from '../../server/db/open-db.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { runLeadWebhooks } from '../../server/leads/webhook-sender.ts';
import { type CrmReceiver, startCrmReceiver } from '../fakes/crm-receiver.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const CRM_SECRET = 'calculator-flow-crm-secret-0123456789';
let server: StartedServer;
let browser: Browser;
let crm: CrmReceiver;

beforeAll(async () => {
  // The fake CRM listens on loopback over http, which the webhook guard refuses unless told this is local.
  server = await startServerLikeReadme({ env: { CRM_WEBHOOK_ALLOW_LOCAL: '1' } });
  browser = await launchChromium();
  crm = await startCrmReceiver(CRM_SECRET);
});
afterAll(async () => {
  await browser?.close();
  await crm?.close();
  await server?.stop();
});

/** The office's own calls, with the admin launch the page uses. */
async function officeCall(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const auth = `VK ${new URL(server.adminUrl).search.slice(1)}`;
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const preview = (page: Page) => page.getByTestId('calc-preview');
/** The form control of a VKUI field (its test id sits on the field's wrapper or on the control itself). */
const control = (page: Page, id: string) =>
  page
    .locator(`[data-testid="${id}"] :is(input, textarea, select), :is(input, textarea, select)[data-testid="${id}"]`)
    .first();
/** Console errors other than the refusals this test provokes (a bad formula, an out-of-range value: HTTP 422). */
// 422: the formula typed with an error on purpose; 409: the save refused after a colleague's.
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (422|409)/.test(e));
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

describe('calculator flow', () => {
  it('item 4: brand builds a calculator with live preview → participant calculates and leaves a lead → CRM and office get it', async () => {
    // The demo's brand admin, given the leads section (the inbox and webhook are that section's).
    const config = loadConfig({
      ...process.env,
      DATABASE_PATH: join(server.dataDir, 'app.db'),
      DATABASE_URL: '',
      CRM_WEBHOOK_ALLOW_LOCAL: '1',
    });
    const db = await openDb(config);
    const adminId = new URL(server.adminUrl).searchParams.get('vk_user_id') ?? '';
    await inTransaction(db, (tx) =>
      tx
        .update(schema.memberships)
        .set({ sections: ['campaigns', 'launch', 'prizes', 'mailings', 'stats', 'support', 'leads'] })
        .where(eq(schema.memberships.platformUserId, adminId)),
    );

    const office = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    const page = office.page;
    await page.goto(server.adminUrl);
    await page.getByText(/Управление акциями|Manage campaigns/).click();
    await page.getByTestId('office-new-campaign').click();
    await page.getByTestId('office-use-calculator-lead').click();
    // The editor links to the campaign's leads as well as to its calculator (the member holds `leads`).
    await page.getByTestId('office-section-leads').waitFor({ timeout: 20_000 });
    await page.getByTestId('office-section-calculator').click({ timeout: 20_000 });
    const id = Number(/#\/admin\/campaign\/(\d+)\/calculator/.exec(page.url())?.[1]);
    expect(id).toBeGreaterThan(0);

    // The editor starts from a working example; the preview computes it on the server: 50 m² × 100 = 5 000.
    await expect
      .poll(() => preview(page).getByTestId('calc-result').textContent(), { timeout: 20_000 })
      .toMatch(/5\s000/);
    // A second input, switched to yes/no, labelled in Russian only: the missing English is marked.
    await page.getByTestId('calc-add-input').click();
    await control(page, 'calc-edit-input-1-name').fill('gas');
    await control(page, 'calc-edit-input-1-kind').selectOption('yes_no');
    await control(page, 'calc-edit-input-1-label-ru').fill('Газовая плита');
    await control(page, 'calc-edit-input-1-label-en').fill('');
    await page.getByTestId('calc-edit-input-1-label-missing-en').waitFor();
    await preview(page).getByText('Газовая плита').waitFor({ timeout: 15_000 });
    // A third input, a choice from a list (the kind's two default options, worth 1 and 2).
    await page.getByTestId('calc-add-input').click();
    await control(page, 'calc-edit-input-2-name').fill('home');
    await control(page, 'calc-edit-input-2-kind').selectOption('select');
    await control(page, 'calc-edit-input-2-label-ru').fill('Жильё');
    await control(page, 'calc-edit-input-2-label-en').fill('Home');
    await preview(page).getByText('Жильё').waitFor({ timeout: 15_000 });

    // A formula with an unknown name: the server's error and its position under the field.
    const bad = 'area * 100 * (gas ? 1.5 : 1) + constructor';
    await control(page, 'calc-formula').fill(bad);
    const error = page.getByTestId('calc-formula-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.getAttribute('data-position')).toBe(String(bad.indexOf('constructor')));
    expect(await error.textContent()).toMatch(/символ 32|character 32/);
    expect(await page.getByTestId('calc-formula-mark').textContent()).toBe('c');
    await screenshot(page, 'calculator-editor-formula-error');

    // Fixed: the error goes, the preview follows the new formula (ticking gas in the preview: 50 × 100 × 1.5).
    await control(page, 'calc-formula').fill('area * 100 * (gas ? 1.5 : 1) * home');
    await error.waitFor({ state: 'detached', timeout: 15_000 });
    const home = (root: ReturnType<typeof preview> | Page) => root.locator('[data-testid="calc-input-home"] select');
    await home(preview(page)).selectOption({ label: 'Вариант 1' });
    await preview(page).getByText('Газовая плита').click();
    await expect.poll(async () => digits(await preview(page).getByTestId('calc-result').textContent())).toBe('7500');
    // The list is a native select (VKUI's NativeSelect): choosing the second option doubles the result.
    await home(preview(page)).selectOption({ label: 'Вариант 2' });
    await expect.poll(async () => digits(await preview(page).getByTestId('calc-result').textContent())).toBe('15000');
    await page.getByRole('radio', { name: 'dark' }).check({ force: true });
    await control(page, 'calc-edit-input-1-label-en').fill('Gas stove');
    await control(page, 'calc-policy-url').fill('https://brand.example/privacy');
    await expect.poll(() => preview(page).getAttribute('data-color-scheme')).toBe('dark');
    await screenshot(page, 'calculator-editor-preview-dark');
    await page.getByTestId('calc-save').click();
    await page.getByTestId('calc-saved').waitFor({ timeout: 15_000 });

    // A colleague saves the calculator meanwhile (another tab): this editor's next save is refused, its formula kept on
    // screen with the reason; the saved version loads in its place and the next save lands.
    const url = `/api/admin/campaigns/${id}/calculator`;
    const current = (await officeCall('GET', url)) as { config: Record<string, unknown>; savedAt: number };
    const colleagues = 'area * 100 * (gas ? 1.5 : 1) * home + 1';
    await officeCall('PUT', url, { config: { ...current.config, formula: colleagues }, savedAt: current.savedAt });
    await control(page, 'calc-formula').fill('area * 100 * (gas ? 1.5 : 1) * home * 2');
    await page.getByTestId('calc-save').click();
    await expect.poll(() => page.getByTestId('calc-stale').textContent()).toMatch(/сохранил кто-то другой/);
    expect(await control(page, 'calc-formula').inputValue()).toBe('area * 100 * (gas ? 1.5 : 1) * home * 2');
    await page.waitForTimeout(300);
    await screenshot(page, 'calculator-editor-saved-meanwhile');
    await page.getByTestId('calc-load-saved').click();
    await expect.poll(() => control(page, 'calc-formula').inputValue(), { timeout: 15_000 }).toBe(colleagues);
    await control(page, 'calc-formula').fill('area * 100 * (gas ? 1.5 : 1) * home');
    await page.getByTestId('calc-save').click();
    await page.getByTestId('calc-saved').waitFor({ timeout: 15_000 });
    expect(((await officeCall('GET', url)) as { config: { formula: string } }).config.formula).toBe(
      'area * 100 * (gas ? 1.5 : 1) * home',
    );

    // The CRM webhook (its settings screen is the leads section's), then launch from the campaign editor.
    await officeCall('PUT', `/api/admin/campaigns/${id}/leads-webhook`, { url: crm.url, secret: CRM_SECRET });
    await page.goBack();
    await page.getByTestId('office-to-live').click({ timeout: 30_000 });
    await page.getByRole('button', { name: /Подтвердить|Confirm/ }).click({ timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId('office-status').first().textContent(), { timeout: 40_000 })
      .toMatch(/Идёт|Live/);
    expect(unexpected(office.errors)).toEqual([]);
    await office.context.close();

    // A participant on a phone, launched from VK.
    const phone = await openWatchedPage(browser, { width: 375, height: 812, colorScheme: 'light', mobile: true });
    const p = phone.page;
    await p.goto(`${participantUrl(server, { userId: 7301, language: 'ru' })}#/campaign/${id}`);
    await p.getByTestId('calculator-open').click({ timeout: 20_000 });
    await control(p, 'calc-input-area').fill('5');
    await p.getByTestId('calc-calculate').click();
    // Refused by the server, shown under the field it names.
    await expect
      .poll(() => p.getByTestId('calc-field-area').textContent(), { timeout: 15_000 })
      .toContain('Введите число от 10 до 500');
    await screenshot(p, 'calculator-participant-field-error');
    await control(p, 'calc-input-area').fill('60');
    await p.getByText('Газовая плита').click();
    await home(p).selectOption({ label: 'Вариант 1' });
    await p.getByTestId('calc-calculate').click();
    await expect
      .poll(async () => digits(await p.getByTestId('calc-result').textContent()), { timeout: 15_000 })
      .toBe('9000');
    // The lead form: nothing goes without a name, a contact and consent.
    await p.getByTestId('lead-send').click();
    await p.getByText('Укажите имя').waitFor();
    await p.getByText('Без согласия на обработку данных заявку не отправить').waitFor();
    expect(await p.getByTestId('lead-policy').getAttribute('href')).toBe('https://brand.example/privacy');
    await control(p, 'lead-name').fill('Анна');
    await control(p, 'lead-phone').fill('+7 911 123-45-67');
    await control(p, 'lead-consent').check({ force: true });
    await screenshot(p, 'calculator-participant-lead-form');
    await p.getByTestId('lead-send').click();
    await p.getByTestId('lead-sent').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('lead-sent').textContent()).toMatch(/Заявка отправлена/);
    await screenshot(p, 'calculator-participant-lead-sent');
    // Opened again (a deep link to the calculator) and sent again: the first request stands, nothing new is stored.
    await p.reload();
    await p.getByTestId('calc-calculate').click({ timeout: 20_000 });
    await p.getByTestId('calc-result').waitFor({ timeout: 15_000 });
    await control(p, 'lead-name').fill('Анна');
    await control(p, 'lead-email').fill('anna@example.com');
    await control(p, 'lead-consent').check({ force: true });
    await p.getByTestId('lead-send').click();
    await expect
      .poll(() => p.getByTestId('lead-sent').textContent(), { timeout: 15_000 })
      .toMatch(/Вы уже отправляли заявку.*9\s000/);
    expect(unexpected(phone.errors)).toEqual([]);
    await phone.context.close();

    // Someone new follows a deep link straight to the calculator: joined on the way, it opens (was 409 not_joined).
    const cold = await openWatchedPage(browser, { width: 375, height: 812, colorScheme: 'dark', mobile: true });
    await cold.page.goto(`${participantUrl(server, { userId: 7302, language: 'en' })}#/campaign/${id}/calculator`);
    await cold.page.getByTestId('calc-calculate').waitFor({ timeout: 20_000 });
    await screenshot(cold.page, 'calculator-participant-cold-deep-link');
    expect(unexpected(cold.errors)).toEqual([]);
    await cold.context.close();

    // The webhook sender (the bot process's job) delivers it: one lead, signed, with its idempotency key.
    await runLeadWebhooks({ db, config, now: Date.now }, { once: true });
    expect(crm.calls).toHaveLength(1);
    expect(crm.calls[0]?.validSignature).toBe(true);
    expect(crm.accepted.size).toBe(1);
    expect(JSON.stringify(crm.calls[0]?.body)).toContain('Анна');
    await closeDatabase(db);

    const { leads } = (await officeCall('GET', `/api/admin/campaigns/${id}/leads`)) as {
      leads: { name: string; phone: string | null }[];
    };
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ name: 'Анна', phone: '79111234567' });
  });
});
