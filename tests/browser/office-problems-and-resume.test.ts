/**
 * The campaign editor as a brand manager reads it, in Chromium:
 * - the problems list names a problem's field as the form does («Ошибка · Окончание», «Вопрос 1 · Верный»), not by
 *   its document path (it read «Ошибка · endsAt», «settings.quiz.questions.0.correct.0»);
 * - a paused campaign's lifecycle button, and its confirmation, say «Возобновить» / "Resume" (it read «Запустить
 *   сейчас», as for a campaign that never ran, which keeps it).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { setPhase } from './campaign-states.ts';
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
/** The demo brand's admin (README), in English. */
const adminEn = () => participantUrl(server, { userId: 100_002, language: 'en', role: 'admin' });

async function api<R>(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: R }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `VK ${new URL(url).search.slice(1)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as R };
}

// biome-ignore lint/suspicious/noExplicitAny: the office document, sent back with two fields broken.
type Doc = any;

/** A quiz draft whose end is before its start and whose first question's right answer is no option of it. */
async function brokenQuizDraft(): Promise<number> {
  const made = await api<Doc>(server.adminUrl, 'POST', '/api/admin/campaigns', {
    brandId: 1,
    templateKey: 'quiz-tiers',
  });
  expect(made.status, JSON.stringify(made.body).slice(0, 300)).toBe(201);
  const doc = made.body;
  doc.endsAt = doc.startsAt - 3_600_000;
  doc.settings.quiz.questions[0].correct = ['no-such-option'];
  const saved = await api<{ problems: { path: string; code: string }[] }>(
    server.adminUrl,
    'PUT',
    `/api/admin/campaigns/${doc.id}`,
    doc,
  );
  expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
  expect(saved.body.problems.map((p) => `${p.path} ${p.code}`)).toEqual(
    expect.arrayContaining(['endsAt ends_before_start', 'settings.quiz.questions.0.correct.0 unknown_option']),
  );
  return doc.id;
}

async function campaignId(slug: string): Promise<number> {
  const { body } = await api<{ campaigns: { id: number; slug: string }[] }>(
    server.participantUrl,
    'GET',
    '/api/campaigns',
  );
  return body.campaigns.find((c) => c.slug === slug)?.id as number;
}

/** The line under a problem (VKUI ends it with a space). */
const problemSubtitle = async (page: Page, code: string) =>
  (await page.getByTestId(`office-problem-${code}`).locator('.vkuiSimpleCell__subtitle').textContent())?.trim();

describe("the editor's problems list", () => {
  it('names the field as the form does, in Russian and in English', async () => {
    const id = await brokenQuizDraft();
    const ru = await openWatchedPage(browser, { width: 390, height: 844, colorScheme: 'light', mobile: true });
    await ru.page.goto(`${server.adminUrl}#/admin/campaign/${id}`);
    await ru.page.getByTestId('office-problem-ends_before_start').waitFor({ timeout: T });
    const list = ru.page.getByTestId('office-problems');
    expect(await problemSubtitle(ru.page, 'ends_before_start')).toBe('Ошибка · Окончание');
    // Both instants named, in the campaign's zone (before: «Окончание раньше начала», no dates).
    expect(await ru.page.getByTestId('office-problem-ends_before_start').textContent()).toMatch(
      /Окончание \(\d{1,2} [а-я]+.*\d{2}:\d{2}\) не позже начала \(\d{1,2} [а-я]+.*\d{2}:\d{2}\)/,
    );
    expect(await problemSubtitle(ru.page, 'unknown_option')).toBe('Ошибка · Вопрос 1 · Верный');
    // No document path anywhere in the list.
    expect(await list.textContent()).not.toMatch(/endsAt|settings\.|\.\d/);
    await screenshot(ru.page, 'office-problems-field-names-ru');
    // A draft never ran: its button launches.
    expect(await ru.page.getByTestId('office-to-live').textContent()).toBe('Запустить сейчас');
    expect(ru.errors).toEqual([]);
    await ru.context.close();

    const en = await openWatchedPage(browser, { width: 1280, height: 860, colorScheme: 'dark' });
    await en.page.goto(`${adminEn()}#/admin/campaign/${id}`);
    await en.page.getByTestId('office-problem-ends_before_start').waitFor({ timeout: T });
    expect(await problemSubtitle(en.page, 'ends_before_start')).toBe('Error · Ends');
    expect(await en.page.getByTestId('office-problem-ends_before_start').textContent()).toMatch(
      /It ends \(\d{1,2} [A-Z][a-z]+.*\d{2}:\d{2}\) no later than it starts \(\d{1,2} [A-Z][a-z]+.*\d{2}:\d{2}\)/,
    );
    expect(await problemSubtitle(en.page, 'unknown_option')).toBe('Error · Question 1 · Correct');
    expect(en.errors).toEqual([]);
    await en.context.close();
  });
});

describe("a paused campaign's lifecycle button", () => {
  it('resumes it, in Russian and in English', async () => {
    const id = await campaignId('summer-tasks');
    setPhase(server, 'summer-tasks', 'paused');
    const ru = await openWatchedPage(browser, { width: 390, height: 844, colorScheme: 'light', mobile: true });
    await ru.page.goto(`${server.adminUrl}#/admin/campaign/${id}`);
    const resume = ru.page.getByTestId('office-to-live');
    await resume.waitFor({ timeout: T });
    expect(await resume.textContent()).toBe('Возобновить');
    await resume.click();
    const alert = ru.page.getByRole('alertdialog');
    await alert.waitFor({ timeout: T });
    expect(await alert.textContent()).toContain('Возобновить акцию? Участники снова смогут выполнять задания.');
    await screenshot(ru.page, 'office-resume-paused-ru');
    await ru.page.getByTestId('office-confirm').click();
    await expect
      .poll(
        async () =>
          (await api<{ document: Doc }>(server.adminUrl, 'GET', `/api/admin/campaigns/${id}`)).body.document.status,
        { timeout: T },
      )
      .toBe('live');
    // Live again: its buttons pause and end.
    await ru.page.getByTestId('office-to-paused').waitFor({ timeout: T });
    expect(ru.errors).toEqual([]);
    await ru.context.close();

    setPhase(server, 'summer-tasks', 'paused');
    const en = await openWatchedPage(browser, { width: 1280, height: 860, colorScheme: 'dark' });
    await en.page.goto(`${adminEn()}#/admin/campaign/${id}`);
    await en.page.getByTestId('office-to-live').waitFor({ timeout: T });
    expect(await en.page.getByTestId('office-to-live').textContent()).toBe('Resume');
    expect(en.errors).toEqual([]);
    await en.context.close();
  });
});
