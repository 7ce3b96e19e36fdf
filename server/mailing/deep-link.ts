/**
 * @module The hash that opens the mini app on a given screen (the `open_app` button's `hash` and the notification's
 * `fragment`); the mini app's router reads the same shape (miniapp/routes.ts `paths`, without the leading `/`).
 * The office picks one from the campaign's real screens (`campaignScreens`), and the server accepts only those.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type ContentLanguage, columnText } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

/** @example taskHash(3, 'join') // 'campaign/3/task/join' */
export function taskHash(campaignId: number, taskKey?: string): string {
  return taskKey ? `campaign/${campaignId}/task/${encodeURIComponent(taskKey)}` : `campaign/${campaignId}`;
}

export const SCREEN_KINDS = ['campaign', 'rules', 'quiz', 'prizes', 'help', 'task', 'reward'] as const;
export type ScreenKind = (typeof SCREEN_KINDS)[number];

/** A screen of the campaign a message can open. `title` is the content's title in the asked language, empty for fixed screens. */
export interface CampaignScreen {
  kind: ScreenKind;
  key?: string;
  title: string;
  hash: string;
}

/**
 * The screens of a campaign a message may link to, from its live content: the campaign, its rules, the quiz (quiz
 * mechanic), my prizes, help, each task (a quiz task opens its quiz; other tasks are done on the campaign screen)
 * and each reward. Titles in `language` by the content fallback rule (the office member's language in the picker).
 */
export async function campaignScreens(
  db: Db,
  campaignId: number,
  language: ContentLanguage = 'ru',
): Promise<CampaignScreen[]> {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  const base = `campaign/${campaignId}`;
  const screens: CampaignScreen[] = [
    { kind: 'campaign', title: columnText(campaign, 'title', language), hash: base },
    { kind: 'rules', title: '', hash: `${base}/rules` },
  ];
  if (campaign.mechanic === 'quiz') screens.push({ kind: 'quiz', title: '', hash: `${base}/quiz` });
  screens.push(
    { kind: 'prizes', title: '', hash: `${base}/prizes` },
    { kind: 'help', title: '', hash: `${base}/help` },
  );
  const tasks = await db
    .select({
      key: schema.tasks.key,
      kind: schema.tasks.kind,
      title: schema.tasks.title,
      translations: schema.tasks.translations,
    })
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, campaignId), isNull(schema.tasks.removedAt)))
    .orderBy(asc(schema.tasks.position));
  for (const t of tasks) {
    const hash = t.kind === 'quiz' ? `${base}/task/${encodeURIComponent(t.key)}/quiz` : base;
    screens.push({ kind: 'task', key: t.key, title: columnText(t, 'title', language), hash });
  }
  const rewards = await db
    .select({ key: schema.rewards.key, title: schema.rewards.title, translations: schema.rewards.translations })
    .from(schema.rewards)
    .where(and(eq(schema.rewards.campaignId, campaignId), isNull(schema.rewards.removedAt)))
    .orderBy(asc(schema.rewards.position));
  for (const r of rewards) {
    screens.push({
      kind: 'reward',
      key: r.key,
      title: columnText(r, 'title', language),
      hash: `${base}/reward/${encodeURIComponent(r.key)}`,
    });
  }
  return screens;
}

/** A deep link sent by the office must be one of the campaign's screens (a 422 naming the field otherwise). */
export async function requireCampaignScreen(
  db: Db,
  campaignId: number,
  path: string,
  hash: string | undefined,
): Promise<void> {
  if (hash === undefined) return;
  const screens = await campaignScreens(db, campaignId);
  if (!screens.some((s) => s.hash === hash)) {
    throw new ApiError(422, 'unknown_screen', 'The link does not open a screen of this campaign', [
      { path, message: `not one of the campaign's screens: ${hash}` },
    ]);
  }
}
