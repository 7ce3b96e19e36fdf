/**
 * @module Everything the campaign home screen needs in one read: the campaign and its phase, the caller's
 * participation (or null before the first open), tasks with states and progress, rewards with what unlocks them,
 * and the quiz or wheel part of the mechanic.
 */
import type { Identity } from '../../auth/identity.ts';
import { type CampaignRow, publicCampaign } from '../../campaigns/campaign.service.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import { hasLiveOffers } from '../../catalogue/offer-status.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { findParticipant, loadCampaign, type ParticipantRow } from '../promo-context.ts';
import { quizResultOf, quizSettingsOf } from '../quiz/quiz.service.ts';
import { publicQuestions } from '../quiz/quiz-scoring.ts';
import type { RewardRow } from '../rewards/issue-reward.ts';
import { campaignRewards, rewardView } from '../rewards/reward.service.ts';
import type { TaskRow } from '../tasks/task-records.ts';
import { campaignTasks, completionsOf, everyCampaignTask, shareLink, taskView } from '../tasks/task-view.ts';
import { wheelView } from '../wheel/wheel.service.ts';

/** What the participant projection reads of a campaign, whether from its tables or from an unsaved document. */
export interface CampaignRows {
  campaign: CampaignRow;
  /** Tasks and rewards on offer, in order. */
  tasks: TaskRow[];
  rewards: RewardRow[];
  /** Every task, removed ones included: their completions still count toward "N tasks" (reward.service.ts). */
  everyTask: TaskRow[];
}

export async function campaignRows(db: Db, campaign: CampaignRow): Promise<CampaignRows> {
  return {
    campaign,
    tasks: await campaignTasks(db, campaign.id),
    rewards: await campaignRewards(db, campaign.id),
    everyTask: await everyCampaignTask(db, campaign.id),
  };
}

export async function campaignState(deps: Deps, identity: Identity, campaignId: number) {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const participant = await findParticipant(deps.db, campaign.id, identity);
  return await stateOf(deps, await campaignRows(deps.db, campaign), identity, participant, deps.now());
}

/**
 * The home screen's state of `rows` for a participant (undefined: someone who has not opened it yet) at `at`.
 * The participant routes and the office's preview (server/office/campaigns/campaign-preview.ts) both answer with it.
 */
export async function stateOf(
  deps: Pick<Deps, 'db' | 'config'>,
  rows: CampaignRows,
  identity: Pick<Identity, 'platform' | 'language' | 'appId'>,
  participant: ParticipantRow | undefined,
  at: number,
) {
  const { db } = deps;
  const { language } = identity;
  const { campaign } = rows;
  const completions = participant ? await completionsOf(db, participant.id) : new Map();
  const views = await Promise.all(
    rows.tasks.map((t) => taskView(deps, campaign, t, identity, participant, completions.get(t.id))),
  );
  // What this participant is offered is what can be done on their platform: taskView's state is the one rule
  // (task-kinds.ts availableOn). A task they can never do here (VK-only on OK or Telegram) is not listed, so neither
  // the task list nor the wheel's "tasks for attempts" shows it; it is only counted, so a screen left with none can
  // say there are none here instead of "the brand has not added any".
  const tasks = views.filter((t) => t.state !== 'unavailable');
  const quizSettings = campaign.mechanic === 'quiz' ? quizSettingsOf(campaign) : undefined;
  const quiz = quizSettings
    ? {
        questions: publicQuestions(quizSettings.questions, language),
        bands: quizSettings.bands.map(({ key, minScore, title, rewardKey }) => ({
          key,
          minScore,
          title: resolveText(title, language),
          rewardKey: rewardKey ?? null,
        })),
        result: participant ? ((await quizResultOf(db, campaign, participant.id, language)) ?? null) : null,
      }
    : null;
  return {
    campaign: publicCampaign(campaign, at, language),
    participant: participant
      ? {
          stage: participant.stage,
          joinedAt: participant.createdAt,
          referralCode: participant.referralCode,
          shareLink: shareLink(deps, identity, campaign.id, participant.referralCode) ?? null,
        }
      : null,
    tasks,
    tasksNotHere: views.length - tasks.length,
    progress: { done: tasks.filter((t) => t.state === 'done').length, total: tasks.length },
    rewards: await Promise.all(rows.rewards.map((r) => rewardView(db, r, participant, identity, rows.everyTask))),
    quiz,
    wheel:
      campaign.mechanic === 'wheel' ? await wheelView(db, campaign, participant?.id, at, language, rows.rewards) : null,
    /** Any mechanic may carry a catalogue (server/catalogue/); the screen links to it while an offer is live. */
    hasOffers: await hasLiveOffers(db, campaign, at),
  };
}

export type CampaignState = Awaited<ReturnType<typeof campaignState>>;
