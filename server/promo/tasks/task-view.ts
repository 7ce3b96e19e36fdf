/**
 * @module A task as the participant sees it: its state (todo, in progress, done, failed, unavailable here),
 * the verification level of a completion, and what the client needs to perform the action.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Platform } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type ContentLanguage, columnText } from '../../campaigns/content-language.ts';
import { type Db, schema } from '../../db/client.ts';
import { statement } from '../../db/prepared.ts';
import type { Deps } from '../../deps.ts';
import { toCustomArgs, toStartParam } from '../participation/deep-link.ts';
import { countReferrals } from '../participation/referrals.ts';
import { campaignGroupId, type ParticipantRow } from '../promo-context.ts';
import { publicQuestions } from '../quiz/quiz-scoring.ts';
import { parseTaskConfig } from '../settings.ts';
import { attemptsLeft } from './quiz-task-attempts.ts';
import { availableOn, TASK_KIND_INFO } from './task-kinds.ts';
import type { CompletionRow, TaskRow } from './task-records.ts';

export type TaskState = 'todo' | 'in_progress' | 'done' | 'failed' | 'unavailable';

const tasksOf = statement((db) =>
  db
    .select()
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, sql.placeholder('campaignId')), isNull(schema.tasks.removedAt)))
    .orderBy(asc(schema.tasks.position), asc(schema.tasks.id)),
);
const allTasksOf = statement((db) =>
  db
    .select()
    .from(schema.tasks)
    .where(eq(schema.tasks.campaignId, sql.placeholder('campaignId')))
    .orderBy(asc(schema.tasks.position), asc(schema.tasks.id)),
);
const completionRows = statement((db) =>
  db
    .select()
    .from(schema.taskCompletions)
    .where(eq(schema.taskCompletions.participantId, sql.placeholder('participantId'))),
);

/** The tasks on offer (a task a later revision removed is not). */
export async function campaignTasks(db: Db, campaignId: number): Promise<TaskRow[]> {
  return await tasksOf.all(db, { campaignId });
}

/** Every task the campaign ever had, removed ones included: completions of those still count toward "N tasks". */
export async function everyCampaignTask(db: Db, campaignId: number): Promise<TaskRow[]> {
  return await allTasksOf.all(db, { campaignId });
}

export async function completionsOf(db: Db, participantId: number): Promise<Map<number, CompletionRow>> {
  const rows = await completionRows.all(db, { participantId });
  return new Map(rows.map((r) => [r.taskId, r]));
}

/**
 * An invitation's share link: it opens the app of the platform the participant launched, at the campaign, carrying
 * their referral code, which the friend's app hands to `POST /open` (the server decides whether it counts). VK: the
 * VK app launched (each brand may have its own), the code in the hash. OK and Telegram: the app's configured public
 * address (`OK_APP_URL`, `TELEGRAM_APP_URL`) with the route and code in `custom_args` / `startapp`
 * (participation/deep-link.ts); undefined while it is not configured, rather than a link into another platform's
 * app, where the friend would be someone else and the invitation could never count (decision 048).
 * @example shareLink(deps, { platform: 'telegram', appId: '7000000001' }, 3, 'aZ3k_Q9x')
 * // 'https://t.me/promo_bot/promo?startapp=campaign-3--ref-aZ3k_Q9x'
 */
export function shareLink(
  deps: Pick<Deps, 'config'>,
  launch: { platform: Platform; appId: string },
  campaignId: number,
  referralCode: string,
): string | undefined {
  const link = { route: `/campaign/${campaignId}`, ref: referralCode };
  switch (launch.platform) {
    case 'vk':
      return `https://vk.com/app${launch.appId}#/campaigns/${campaignId}?ref=${encodeURIComponent(referralCode)}`;
    case 'ok': {
      const app = deps.config.OK_APP_URL;
      return app ? `${app}?custom_args=${encodeURIComponent(toCustomArgs(link))}` : undefined;
    }
    case 'telegram': {
      const app = deps.config.TELEGRAM_APP_URL;
      const startParam = toStartParam(link);
      return app && startParam ? `${app}?startapp=${startParam}` : undefined;
    }
  }
}

async function actionOf(
  deps: Pick<Deps, 'db' | 'config'>,
  campaign: CampaignRow,
  task: TaskRow,
  participant: ParticipantRow | undefined,
  completion: CompletionRow | undefined,
  launch: { platform: Platform; appId: string; language: ContentLanguage },
): Promise<Record<string, unknown>> {
  const { language } = launch;
  const groupId = async () => (task.config.groupId as number | undefined) ?? (await campaignGroupId(deps.db, campaign));
  switch (task.kind) {
    case 'join_community':
      return { groupId: await groupId() };
    case 'allow_messages':
      return { groupId: await groupId(), ...(completion?.consentKey ? { key: completion.consentKey } : {}) };
    case 'allow_notifications':
      return {};
    case 'share_story':
      return parseTaskConfig('share_story', task.config);
    case 'visit_link':
      return parseTaskConfig('visit_link', task.config);
    case 'invite_friends': {
      const { friendsRequired } = parseTaskConfig('invite_friends', task.config);
      const link = participant && shareLink(deps, launch, campaign.id, participant.referralCode);
      return {
        friendsRequired,
        friendsJoined: participant ? await countReferrals(deps.db, participant.id) : 0,
        ...(participant ? { referralCode: participant.referralCode } : {}),
        // Absent for a participant too where this platform's app address is not configured (the screen says so).
        ...(link ? { shareLink: link } : {}),
      };
    }
    case 'enter_code':
      return {};
    case 'quiz': {
      const { questions, passScore, maxAttempts } = parseTaskConfig('quiz', task.config);
      return {
        questions: publicQuestions(questions, language),
        passScore,
        maxAttempts,
        attemptsLeft: attemptsLeft(completion, maxAttempts),
      };
    }
  }
}

export async function taskView(
  deps: Pick<Deps, 'db' | 'config'>,
  campaign: CampaignRow,
  task: TaskRow,
  identity: { platform: Platform; appId: string; language: ContentLanguage },
  participant: ParticipantRow | undefined,
  completion: CompletionRow | undefined,
) {
  const { platform, language } = identity;
  const available = availableOn(task.kind, platform);
  const state: TaskState = !available
    ? 'unavailable'
    : completion?.status === 'done'
      ? 'done'
      : completion?.status === 'failed'
        ? 'failed'
        : completion?.status === 'started'
          ? 'in_progress'
          : 'todo';
  return {
    key: task.key,
    kind: task.kind,
    title: columnText(task, 'title', language),
    description: columnText(task, 'description', language),
    state,
    /** Verification level this kind reaches when done. */
    verification: TASK_KIND_INFO[task.kind].level,
    level: completion?.status === 'done' ? (completion.level ?? null) : null,
    failure: completion?.status === 'failed' ? (completion.failure ?? null) : null,
    attemptsGranted: task.attemptsGranted,
    action: await actionOf(deps, campaign, task, participant, completion, identity),
  };
}

export type TaskView = Awaited<ReturnType<typeof taskView>>;
