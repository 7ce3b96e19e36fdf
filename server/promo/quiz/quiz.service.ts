/**
 * @module The quiz mechanic: the participant submits chosen option ids once; the server scores them, picks the
 * score band, records `quiz_finished` and issues the band's reward in the same transaction. A repeat submit
 * returns the first result.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import type { ContentLanguage } from '../../campaigns/content-language.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import { type Db, schema } from '../../db/client.ts';
import { lockParticipant } from '../../db/row-locks.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { recordEvent } from '../../funnel/record-event.ts';
import { ApiError } from '../../http/errors.ts';
import { campaignDay } from '../campaign-day.ts';
import { loadCampaign, requireParticipant, requireRunning, resetHourOf } from '../promo-context.ts';
import { findGrant, issueReward } from '../rewards/issue-reward.ts';
import { type GrantView, grantView } from '../rewards/reward.service.ts';
import { parseCampaignSettings, type QuizSettings } from '../settings.ts';
import { requireAnswers } from './quiz-answers.ts';
import { bandFor, scoreQuiz } from './quiz-scoring.ts';

export interface QuizResultView {
  score: number;
  maxScore: number;
  band: { key: string; title: string; text: string };
  correct: Record<string, boolean>;
  reward: GrantView | null;
  /** `none` when the band carries no reward. */
  rewardStatus: 'issued' | 'sold_out' | 'daily_cap' | 'none';
  finishedAt: number;
}

export function quizSettingsOf(campaign: CampaignRow): QuizSettings {
  const quiz = campaign.mechanic === 'quiz' ? parseCampaignSettings(campaign.settings).quiz : undefined;
  if (!quiz) throw new ApiError(409, 'wrong_mechanic', 'This campaign has no quiz');
  return quiz;
}

async function rewardByKey(db: Db, campaignId: number, key: string) {
  const [reward] = await db
    .select()
    .from(schema.rewards)
    .where(and(eq(schema.rewards.campaignId, campaignId), eq(schema.rewards.key, key)))
    .limit(1);
  return reward;
}

/** The stored result of a participant, rendered, or undefined before they finish. */
export async function quizResultOf(
  db: Db,
  campaign: CampaignRow,
  participantId: number,
  language: ContentLanguage,
): Promise<QuizResultView | undefined> {
  const [row] = await db
    .select()
    .from(schema.quizResults)
    .where(eq(schema.quizResults.participantId, participantId))
    .limit(1);
  if (!row) return undefined;
  const quiz = quizSettingsOf(campaign);
  const band = quiz.bands.find((b) => b.key === row.band) ?? bandFor(quiz.bands, row.score);
  const reward = band.rewardKey ? await rewardByKey(db, campaign.id, band.rewardKey) : undefined;
  const grant = reward ? await findGrant(db, participantId, reward.id) : undefined;
  return {
    score: row.score,
    maxScore: row.maxScore,
    band: { key: band.key, title: resolveText(band.title, language), text: resolveText(band.text, language) },
    correct: scoreQuiz(quiz.questions, row.answers).correct,
    reward: grant && reward ? grantView(grant, reward, language) : null,
    rewardStatus: !reward ? 'none' : grant ? 'issued' : 'sold_out',
    finishedAt: row.finishedAt,
  };
}

/**
 * Scores a quiz submission (first one wins) and issues the band's reward.
 * @example await submitQuiz(deps, identity, 2, { q1: ['b'], q2: ['a', 'c'] })
 */
export async function submitQuiz(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  submitted: Record<string, unknown>,
): Promise<QuizResultView> {
  const { db } = deps;
  const at = deps.now();
  const campaign = await loadCampaign(deps, identity, campaignId);
  const quiz = quizSettingsOf(campaign);
  const participant = await requireParticipant(db, campaign.id, identity);
  const earlier = await quizResultOf(db, campaign, participant.id, identity.language);
  if (earlier) return earlier;
  requireRunning(campaign, at);
  const answers = requireAnswers(quiz.questions, submitted);
  const { score, maxScore } = scoreQuiz(quiz.questions, answers);
  const band = bandFor(quiz.bands, score);
  const who = { campaignId: campaign.id, participantId: participant.id };
  let capped = false;
  await inTransaction(
    db,
    async (tx) => {
      // A submit racing this one may have committed since the read above: the first one wins (the participant's lock
      // makes it wait for that one's COMMIT, row-locks.ts).
      await lockParticipant(tx, participant.id);
      const [already] = await tx
        .select({ participantId: schema.quizResults.participantId })
        .from(schema.quizResults)
        .where(eq(schema.quizResults.participantId, participant.id))
        .limit(1);
      if (already) return;
      await tx
        .insert(schema.quizResults)
        .values({ participantId: participant.id, answers, score, maxScore, band: band.key, finishedAt: at });
      await recordEvent(tx, { ...who, type: 'quiz_finished', at, data: { score, maxScore, band: band.key } });
      if (!band.rewardKey) return;
      const reward = await rewardByKey(tx, campaign.id, band.rewardKey);
      if (!reward) throw new Error(`quiz band ${band.key} names unknown reward ${band.rewardKey}`);
      const day = campaignDay(at, campaign.timeZone, resetHourOf(campaign));
      const outcome = await issueReward(tx, {
        ...who,
        reward,
        source: 'quiz',
        day,
        at,
        stages: campaign.stages,
        tester: participant.isTester,
      });
      if (outcome.status === 'sold_out' || outcome.status === 'daily_cap') {
        capped = outcome.status === 'daily_cap';
        await recordEvent(tx, {
          ...who,
          type: 'sold_out_seen',
          at,
          data: { reward: reward.key, reason: outcome.status },
        });
      }
    },
    { explicitLocks: true },
  );
  const result = (await quizResultOf(db, campaign, participant.id, identity.language)) as QuizResultView;
  return capped && result.rewardStatus === 'sold_out' ? { ...result, rewardStatus: 'daily_cap' } : result;
}
