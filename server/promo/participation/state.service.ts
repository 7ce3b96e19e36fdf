/**
 * @module Everything the campaign home screen needs in one read: the campaign and its phase, the caller's
 * participation (or null before the first open), tasks with states and progress, rewards with what unlocks them,
 * and the quiz or wheel part of the mechanic.
 */
import type { Identity } from '../../auth/identity.ts';
import { publicCampaign } from '../../campaigns/campaign.service.ts';
import { resolveText } from '../../campaigns/content-language.ts';
import type { Deps } from '../../deps.ts';
import { findParticipant, loadCampaign } from '../promo-context.ts';
import { quizResultOf, quizSettingsOf } from '../quiz/quiz.service.ts';
import { publicQuestions } from '../quiz/quiz-scoring.ts';
import { campaignRewards, rewardView } from '../rewards/reward.service.ts';
import { campaignTasks, completionsOf, shareLink, taskView } from '../tasks/task-view.ts';
import { wheelView } from '../wheel/wheel.service.ts';

export async function campaignState(deps: Deps, identity: Identity, campaignId: number) {
  const { db } = deps;
  const at = deps.now();
  const { language } = identity;
  const campaign = await loadCampaign(db, identity, campaignId);
  const participant = await findParticipant(db, campaign.id, identity);
  const completions = participant ? await completionsOf(db, participant.id) : new Map();
  const tasks = await Promise.all(
    (await campaignTasks(db, campaign.id)).map((t) =>
      taskView(deps, campaign, t, identity, participant, completions.get(t.id)),
    ),
  );
  const available = tasks.filter((t) => t.state !== 'unavailable');
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
          shareLink: shareLink(deps, campaign.id, participant.referralCode),
        }
      : null,
    tasks,
    progress: { done: available.filter((t) => t.state === 'done').length, total: available.length },
    rewards: await Promise.all(
      (await campaignRewards(db, campaign.id)).map((r) => rewardView(db, r, participant, identity)),
    ),
    quiz,
    wheel: campaign.mechanic === 'wheel' ? await wheelView(db, campaign, participant?.id, at, language) : null,
  };
}

export type CampaignState = Awaited<ReturnType<typeof campaignState>>;
