/**
 * Participants who open a campaign from a VK placement (`vk_ref`) through the participant API, each launch signed with
 * the running server's local secret like the server's own: what the funnel's breakdown by launch source counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import type { StartedServer } from '../support/start-server.ts';

/** The demo quiz's answers that pass it (a reward) and that fail it. */
export const QUIZ_RIGHT = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };
export const QUIZ_WRONG = { q1: ['a'], q2: ['c'], q3: ['b'], q4: ['b'], q5: ['a'] };

/** A participant's launch with the VK placement they came from (`vk_ref`; empty: none), signed like the server's own. */
export function launchFrom(server: StartedServer, userId: number, ref: string): string {
  const printed = new URL(server.participantUrl);
  const { vkAppSecret } = JSON.parse(readFileSync(join(server.dataDir, 'local-secrets.json'), 'utf8')) as {
    vkAppSecret: string;
  };
  return signVkLaunch(
    {
      vk_access_token_settings: '',
      vk_app_id: Number(printed.searchParams.get('vk_app_id')),
      vk_are_notifications_enabled: 0,
      vk_group_id: Number(printed.searchParams.get('vk_group_id')),
      vk_is_app_user: 1,
      vk_is_favorite: 0,
      vk_language: 'ru',
      vk_platform: 'mobile_android',
      vk_ref: ref,
      vk_ts: Math.floor(Date.now() / 1000),
      vk_user_id: userId,
      vk_viewer_group_role: 'member',
    },
    vkAppSecret,
  );
}

/** A POST as the launch `query`, expected to succeed. */
export async function postAs(server: StartedServer, query: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `VK ${query}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path} ${await res.clone().text()}`).toBeLessThan(300);
  return res.json();
}

/** Each user opens the quiz from `ref` and, given `answers`, answers it. */
export async function openQuizFrom(
  server: StartedServer,
  quizId: number,
  users: number[],
  ref: string,
  answers?: typeof QUIZ_RIGHT,
) {
  const base = `/api/campaigns/${quizId}`;
  for (const u of users) {
    const q = launchFrom(server, u, ref);
    await postAs(server, q, `${base}/open`, {});
    if (answers) await postAs(server, q, `${base}/quiz/answers`, { answers });
  }
}
