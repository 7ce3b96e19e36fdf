/**
 * The states the UI sweep reaches only by acting first, made through the real API as the participant (and the brand)
 * would: a finished quiz with its won promo code, a help request with the brand's answer, a canned answer to remove,
 * and the statistics screens opened from a funnel with people on them (who is stuck where, the funnel broken down).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StartedServer } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { participantUrl } from './launch-users.ts';

/** The demo quiz (campaign 2) answered right: the top band, whose reward is a promo code. */
const QUIZ = 2;
const RIGHT_ANSWERS = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };
const TASKS = 1;
const BRAND = 1;

export interface ParticipantStates {
  quizResult: string;
  reward: string;
  ticket: string;
  officeTicket: string;
  /** What each of these screens shows once it has its content (a test id), so the sweep reads the real thing. */
  shows: Record<string, string>;
}

async function call<T>(server: StartedServer, userId: number, method: string, path: string, body?: unknown) {
  const launch = new URL(participantUrl(server, { userId, language: 'en' }));
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: `VK ${launch.search.slice(1)}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** `userId` finishes the quiz and writes to help; the brand (`brandOwner`) answers the request. */
export async function finishQuizAndAskForHelp(
  server: StartedServer,
  userId: number,
  brandOwner: number,
  text: { subject: string; body: string; answer: string },
): Promise<ParticipantStates> {
  await call(server, userId, 'POST', `/api/campaigns/${QUIZ}/open`, {});
  const result = await call<{ reward: { rewardKey: string; code: string | null } | null }>(
    server,
    userId,
    'POST',
    `/api/campaigns/${QUIZ}/quiz/answers`,
    { answers: RIGHT_ANSWERS },
  );
  expect(result.reward?.code).toBeTruthy();
  await call(server, userId, 'POST', `/api/campaigns/${TASKS}/open`, {});
  const thread = await call<{ ticket: { id: number } }>(server, userId, 'POST', '/api/support/tickets', {
    campaignId: TASKS,
    subject: text.subject,
    body: text.body,
    clientKey: `sweep-${userId}`,
  });
  const id = thread.ticket.id;
  await call(server, brandOwner, 'POST', `/api/admin/support/brands/${BRAND}/tickets/${id}/replies`, {
    body: text.answer,
    clientKey: `sweep-answer-${id}`,
  });
  const states = {
    quizResult: `/campaign/${QUIZ}/quiz/result`,
    reward: `/campaign/${QUIZ}/reward/${encodeURIComponent(result.reward?.rewardKey ?? '')}`,
    ticket: `/campaign/${TASKS}/help/${id}`,
    officeTicket: `/admin/brand/${BRAND}/support/ticket/${id}`,
  };
  return {
    ...states,
    shows: {
      [states.quizResult]: 'quiz-prize',
      [states.reward]: 'reward-code',
      [states.ticket]: 'message-agent',
      [states.officeTicket]: 'thread-messages',
    },
  };
}

/** A canned answer in the brand's library, so its Remove confirmation can be opened. */
export async function addCannedAnswer(server: StartedServer, brandOwner: number): Promise<number> {
  const canned = await call<{ id: number }>(server, brandOwner, 'POST', `/api/admin/support/brands/${BRAND}/canned`, {
    title: 'Delivery',
    bodyRu: 'Доставка занимает 3 дня.',
    bodyEn: 'Delivery takes 3 days.',
    position: 0,
    clientKey: 'sweep-canned',
  });
  return canned.id;
}

/** A dialog or notice opened on a screen: how to open it, and what shows once it is open. */
export interface OpenedDialog {
  hash: string;
  name: string;
  open(page: Page): Promise<void>;
}

/** The participant's: the reward screen's "copied" notice (VKUI Snackbar). */
export const participantDialogs = (states: ParticipantStates): OpenedDialog[] => [
  {
    hash: states.reward,
    name: 'copied notice',
    open: async (page) => {
      await page.getByTestId('reward-copy').click();
      await page.getByTestId('snackbar').waitFor({ timeout: 10_000 });
    },
  },
];

/** The office's confirmations (VKUI Alert): a campaign's lifecycle step, removing a canned answer. */
export const officeDialogs = (cannedId: number): OpenedDialog[] => [
  {
    hash: '/admin/campaign/1',
    name: 'lifecycle confirmation',
    open: async (page) => {
      await page.locator('[data-testid^="office-to-"]').first().click();
      await page.locator('[class*="Alert__"]').first().waitFor({ timeout: 10_000 });
    },
  },
  {
    hash: `/admin/brand/${BRAND}/support/canned`,
    name: 'remove confirmation',
    open: async (page) => {
      await page.getByTestId(`canned-item-${cannedId}`).click();
      await page.getByTestId('library-remove').click();
      await page.getByTestId('library-confirm-remove').waitFor({ timeout: 10_000 });
    },
  },
];

/** Screens the sweep visits beyond its fixed list, and what each shows once it has its content (a test id). */
export interface ExtraScreens {
  screens: string[];
  shows: Record<string, string>;
}

/**
 * The funnel's follow-up screens with data on them, after finishQuizAndAskForHelp: the people who opened the tasks
 * campaign stood at `opened` two days ago (the moment a stage was reached is moved back in the database: no API sets
 * it and no test waits 48 h), so the stuck counts and the stuck list have people; a bot rule on the quiz (made through
 * the office's mailing API by `brandOwner`, who has never been messaged by it) gives the breakdown by variant its
 * «never messaged» group; the breakdown by source shows the quiz's people over a period and a platform. Call before
 * the sweep reads the database's stored strings, so the rule's name counts as stored.
 */
export async function statsFollowUps(server: StartedServer, brandOwner: number): Promise<ExtraScreens> {
  const twoDays = 48 * 3_600_000;
  const { stuckId } = withAppDb(server, (db) => {
    db.prepare('UPDATE participants SET stage_reached_at = stage_reached_at - ? WHERE campaign_id = ?').run(
      twoDays,
      TASKS,
    );
    const row = db
      .prepare(
        "SELECT id FROM participants WHERE campaign_id = ? AND stage = 'opened' ORDER BY stage_reached_at, id LIMIT 1",
      )
      .get(TASKS) as { id: number } | undefined;
    // The list's first: it lists the longest stuck first (the demo's own history may be there too).
    if (!row) throw new Error('nobody stands at opened in the tasks campaign');
    return { stuckId: row.id };
  });
  const rule = await call<{ id: number }>(server, brandOwner, 'POST', `/api/admin/mailing/campaigns/${QUIZ}/rules`, {
    name: 'Back to the quiz',
    stage: 'opened',
    notStage: 'quiz_finished',
    minHours: 1,
    channel: 'message',
    variants: [
      { key: 'A', text: 'The quiz is waiting' },
      { key: 'B', text: 'Five questions and a gift' },
    ],
    holdoutPercent: 10,
  });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const period = `from=${day(Date.now() - 7 * 86_400_000)}&to=${day(Date.now() + 86_400_000)}&tz=Europe/Moscow`;
  const shows = {
    [`/admin/campaign/${TASKS}/stats/stuck`]: 'stuck-count-opened',
    [`/admin/campaign/${TASKS}/stats/stuck/opened?hours=24`]: `stuck-person-${stuckId}`,
    [`/admin/campaign/${QUIZ}/stats/breakdown?by=source&${period}&platform=vk`]: 'breakdown-groups',
    [`/admin/campaign/${QUIZ}/stats/breakdown?by=variant&rule=${rule.id}`]: 'breakdown-group-no_message',
  };
  return { screens: Object.keys(shows), shows };
}
