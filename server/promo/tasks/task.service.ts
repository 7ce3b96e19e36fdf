/**
 * @module Starting and completing tasks. Nothing the client says about its own progress is trusted:
 * server-verified kinds are checked with VK (asked with the launch app's and the community's own tokens,
 * server/vk/vk-clients.ts), with our referral records, our code list or our scoring; only share_story and
 * visit_link take the client's result, and are recorded as client-confirmed.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import { changedRows, inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { VkApiUnavailableError } from '../../vk/vk-api.ts';
import { appVk, communityVk, membershipVk } from '../../vk/vk-clients.ts';
import { checkCodeAttempts, countWrongCode } from '../codes/code-attempts.ts';
import { countReferrals } from '../participation/referrals.ts';
import {
  campaignGroupId,
  loadCampaign,
  type ParticipantRow,
  requireParticipant,
  requireRunning,
} from '../promo-context.ts';
import { requireAnswers } from '../quiz/quiz-answers.ts';
import { scoreQuiz } from '../quiz/quiz-scoring.ts';
import { parseTaskConfig } from '../settings.ts';
import { requireAttemptLeft, spendAttempt } from './quiz-task-attempts.ts';
import { availableOn } from './task-kinds.ts';
import { findCompletion, markTaskDone, markTaskFailed, markTaskStarted, type TaskRow } from './task-records.ts';
import { type TaskView, taskView } from './task-view.ts';

export interface CompleteInput {
  /** What the client's platform action returned (client-confirmed kinds; `denied` for any kind). */
  result?: 'done' | 'denied' | 'failed' | 'unsupported';
  /** enter_code: the code the user typed. */
  code?: string;
  /** quiz task: chosen option ids per question id. */
  answers?: Record<string, unknown>;
}

type Outcome =
  | { kind: 'done'; level: 'server_verified' | 'client_confirmed'; detail?: Record<string, unknown> }
  | { kind: 'failed'; failure: string; detail?: Record<string, unknown> }
  | { kind: 'pending' };

interface TaskContext {
  campaign: CampaignRow;
  participant: ParticipantRow;
  task: TaskRow;
}

async function context(deps: Deps, identity: Identity, campaignId: number, taskKey: string): Promise<TaskContext> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  requireRunning(campaign, deps.now());
  const participant = await requireParticipant(deps.db, campaign.id, identity);
  const [task] = await deps.db
    .select()
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, campaign.id), eq(schema.tasks.key, taskKey), isNull(schema.tasks.removedAt)))
    .limit(1);
  if (!task) throw new ApiError(404, 'task_not_found', `Campaign ${campaign.id} has no task ${taskKey}`);
  if (!availableOn(task.kind, identity.platform)) {
    throw new ApiError(409, 'task_unavailable', `Task ${taskKey} cannot be done on ${identity.platform}`);
  }
  return { campaign, participant, task };
}

async function view(deps: Deps, identity: Identity, ctx: TaskContext): Promise<TaskView> {
  const completion = await findCompletion(deps.db, ctx.participant.id, ctx.task.id);
  return taskView(deps, ctx.campaign, ctx.task, identity, ctx.participant, completion);
}

export async function startTask(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  taskKey: string,
): Promise<TaskView> {
  const ctx = await context(deps, identity, campaignId, taskKey);
  const who = { campaignId: ctx.campaign.id, participantId: ctx.participant.id };
  // A quiz with no attempt left is not started again: it stays failed, as the participant's screen says.
  if (ctx.task.kind === 'quiz') {
    const { maxAttempts } = parseTaskConfig('quiz', ctx.task.config);
    const completion = await findCompletion(deps.db, ctx.participant.id, ctx.task.id);
    if (completion?.status !== 'done') requireAttemptLeft(completion, maxAttempts);
  }
  await inTransaction(deps.db, (tx) => markTaskStarted(tx, who, ctx.task, deps.now()));
  return view(deps, identity, ctx);
}

async function vkCheck(check: () => Promise<boolean>, failure: string): Promise<Outcome> {
  try {
    return (await check()) ? { kind: 'done', level: 'server_verified' } : { kind: 'failed', failure };
  } catch (err) {
    if (err instanceof VkApiUnavailableError) return { kind: 'failed', failure: 'check_unavailable' };
    throw err;
  }
}

function clientResult(input: CompleteInput, started: boolean): Outcome {
  if (!started) return { kind: 'failed', failure: 'not_started' };
  if (input.result === 'done') return { kind: 'done', level: 'client_confirmed' };
  return { kind: 'failed', failure: input.result ?? 'no_result' };
}

/** Decides a completion; VK checks happen here, outside any transaction. */
async function decide(deps: Deps, identity: Identity, ctx: TaskContext, input: CompleteInput): Promise<Outcome> {
  const { task, campaign, participant } = ctx;
  const groupId = async () => {
    const id = (task.config.groupId as number | undefined) ?? (await campaignGroupId(deps.db, campaign));
    if (id === undefined) throw new ApiError(409, 'task_misconfigured', 'The campaign has no VK community');
    return id;
  };
  // Only a start since the last attempt counts: a failed attempt leaves a row too, and must not stand in for a start.
  const started = (await findCompletion(deps.db, participant.id, task.id))?.status === 'started';
  if (input.result === 'denied') return { kind: 'failed', failure: 'denied' };
  // VK answers for the app and community whose token asks: the app this launch is of, the campaign's community.
  const launchApp = Number(identity.appId);
  switch (task.kind) {
    case 'join_community':
      return vkCheck(async () => {
        const id = await groupId();
        return (await membershipVk(deps, launchApp, id)).isMember(id, identity.userId);
      }, 'not_member');
    case 'allow_messages':
      return vkCheck(async () => {
        const id = await groupId();
        return (await communityVk(deps, id)).isMessagesFromGroupAllowed(id, identity.userId);
      }, 'not_allowed');
    case 'allow_notifications':
      return vkCheck(async () => (await appVk(deps, launchApp)).isNotificationsAllowed(identity.userId), 'not_allowed');
    case 'share_story':
    case 'visit_link':
      return clientResult(input, started);
    case 'invite_friends': {
      const { friendsRequired } = parseTaskConfig('invite_friends', task.config);
      const friends = await countReferrals(deps.db, participant.id);
      return friends >= friendsRequired
        ? { kind: 'done', level: 'server_verified', detail: { friends } }
        : { kind: 'pending' };
    }
    case 'enter_code':
      if (!input.code?.trim())
        throw new ApiError(422, 'invalid_input', 'Enter a code', [{ path: 'code', message: 'Required' }]);
      return { kind: 'pending' }; // decided inside the transaction that spends the code
    case 'quiz': {
      const { questions, passScore } = parseTaskConfig('quiz', task.config);
      const answers = requireAnswers(questions, input.answers ?? {});
      const { score, maxScore } = scoreQuiz(questions, answers);
      return score >= passScore
        ? { kind: 'done', level: 'server_verified', detail: { score, maxScore } }
        : { kind: 'failed', failure: 'score_too_low', detail: { score, maxScore } };
    }
  }
}

/**
 * Spends an entry code (each usable once, by anyone) and completes the task, atomically. A code someone else spent
 * fails exactly like one that does not exist (`code_unknown`): telling them apart would tell a guesser which codes
 * are real. Only the participant who spent it hears `code_used` (another task on the same pack).
 * Returns whether the attempt was wrong, for the attempt limit.
 */
async function enterCode(deps: Deps, ctx: TaskContext, raw: string): Promise<boolean> {
  const { poolKey } = parseTaskConfig('enter_code', ctx.task.config);
  const code = raw.trim().toUpperCase();
  const who = { campaignId: ctx.campaign.id, participantId: ctx.participant.id };
  const at = deps.now();
  return inTransaction(deps.db, async (tx) => {
    // Checked again here, before any code is spent: parallel requests with different codes all passed the check
    // outside, and each spent its code before finding the task done (found from outside: 8 codes burnt by one).
    if ((await findCompletion(tx, ctx.participant.id, ctx.task.id))?.status === 'done') return false;
    const [row] = await tx
      .select({ id: schema.poolCodes.id, participantId: schema.poolCodes.participantId })
      .from(schema.poolCodes)
      .innerJoin(schema.codePools, eq(schema.codePools.id, schema.poolCodes.poolId))
      .where(
        and(
          eq(schema.codePools.campaignId, ctx.campaign.id),
          eq(schema.codePools.key, poolKey),
          eq(schema.codePools.purpose, 'entry'),
          eq(schema.poolCodes.code, code),
        ),
      )
      .limit(1);
    const spent =
      row !== undefined &&
      changedRows(
        await tx
          .update(schema.poolCodes)
          .set({ participantId: ctx.participant.id, usedAt: at })
          .where(and(eq(schema.poolCodes.id, row.id), isNull(schema.poolCodes.usedAt))),
      ) === 1;
    if (spent) {
      await markTaskDone(tx, who, ctx.task, 'server_verified', at, { code });
      return false;
    }
    const own = row !== undefined && row.participantId === ctx.participant.id;
    await markTaskFailed(tx, who, ctx.task, own ? 'code_used' : 'code_unknown', at);
    return !own;
  });
}

/**
 * Completes a task if the server can establish it; a failed check leaves the task retryable.
 * @example await completeTask(deps, identity, 1, 'join', {})
 */
export async function completeTask(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  taskKey: string,
  input: CompleteInput,
): Promise<TaskView> {
  const ctx = await context(deps, identity, campaignId, taskKey);
  const who = { campaignId: ctx.campaign.id, participantId: ctx.participant.id };
  if ((await findCompletion(deps.db, ctx.participant.id, ctx.task.id))?.status === 'done') {
    return view(deps, identity, ctx);
  }
  if (ctx.task.kind === 'enter_code') await checkCodeAttempts(deps, identity);
  if (ctx.task.kind === 'quiz') {
    const { maxAttempts } = parseTaskConfig('quiz', ctx.task.config);
    requireAttemptLeft(await findCompletion(deps.db, ctx.participant.id, ctx.task.id), maxAttempts);
  }
  const outcome = await decide(deps, identity, ctx, input);
  const at = deps.now();
  if (ctx.task.kind === 'enter_code' && outcome.kind === 'pending') {
    if (await enterCode(deps, ctx, input.code ?? '')) {
      await countWrongCode(deps, identity);
    }
  } else {
    const quiz = ctx.task.kind === 'quiz' ? parseTaskConfig('quiz', ctx.task.config) : undefined;
    await inTransaction(
      deps.db,
      async (tx) => {
        const spend = quiz && (await spendAttempt(tx, ctx.participant.id, ctx.task.id, quiz.maxAttempts));
        if (spend === false) return;
        if (outcome.kind === 'done') await markTaskDone(tx, who, ctx.task, outcome.level, at, outcome.detail);
        else if (outcome.kind === 'failed')
          await markTaskFailed(tx, who, ctx.task, outcome.failure, at, outcome.detail);
        else if (!(await findCompletion(tx, ctx.participant.id, ctx.task.id)))
          await markTaskStarted(tx, who, ctx.task, at);
        await spend?.();
      },
      // The participant's lock orders their answers (row-locks.ts); other kinds keep the default isolation.
      { explicitLocks: quiz !== undefined },
    );
  }
  return view(deps, identity, ctx);
}
