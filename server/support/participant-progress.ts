/**
 * @module What the support desk sees beside a conversation: the participant's progress in the campaign the ticket is
 * about (or, for a community message from someone with no campaign on the ticket, their latest campaign of the
 * brand): stage, tasks done, rewards granted. Codes are masked (the desk confirms a code, it does not hand it out;
 * the `{code}` variable sends the real one to the participant only).
 */
import { and, desc, eq } from 'drizzle-orm';
import { type ContentLanguage, columnText, contentLanguageOf } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import { stageTaskTitles } from '../funnel/stage-task-titles.ts';
import type { TicketRow } from './ticket.service.ts';

const { participants, campaigns, tasks, taskCompletions, grants, rewards } = schema;

/** `AB12CD34` → `••••CD34`: enough to match what the participant quotes, not enough to use. */
export function maskCode(code: string): string {
  const shown = code.length > 6 ? 4 : Math.min(2, code.length - 1);
  return `${'•'.repeat(Math.max(code.length - shown, 1))}${code.slice(code.length - shown)}`;
}

export interface ParticipantProgress {
  campaignId: number;
  campaignTitle: string;
  stage: string;
  stages: string[];
  /** The titles, in the viewer's language, of the tasks `task:<key>` stages name, for stageLabel. */
  taskTitles: Record<string, string>;
  /** The participant's language: what a reply to them is written in (canned answers insert that text). */
  language: 'ru' | 'en';
  joinedAt: number;
  lastSeenAt: number;
  tasks: { key: string; title: string; status: string; doneAt: number | null }[];
  rewards: { title: string; code: string | null; source: string; issuedAt: number }[];
}

/** The participant row the ticket is about, if they ever opened a campaign of the brand. */
export async function ticketParticipant(db: Db, brandId: number, t: TicketRow) {
  const byUser = and(eq(participants.platform, t.platform), eq(participants.platformUserId, t.platformUserId));
  const where =
    t.participantId != null
      ? eq(participants.id, t.participantId)
      : t.campaignId != null
        ? and(byUser, eq(participants.campaignId, t.campaignId))
        : and(byUser, eq(campaigns.brandId, brandId));
  const [row] = await db
    .select({ participant: participants, campaign: campaigns })
    .from(participants)
    .innerJoin(campaigns, eq(campaigns.id, participants.campaignId))
    .where(and(where, eq(campaigns.brandId, brandId)))
    .orderBy(desc(participants.lastSeenAt))
    .limit(1);
  return row;
}

/** Titles are in `viewer`'s language (the office member reading them), Russian when a title has no translation. */
export async function participantProgress(
  db: Db,
  brandId: number,
  t: TicketRow,
  viewer: ContentLanguage,
): Promise<ParticipantProgress | null> {
  const found = await ticketParticipant(db, brandId, t);
  if (!found) return null;
  const { participant: p, campaign } = found;
  const done = await db
    .select({
      key: tasks.key,
      title: tasks.title,
      translations: tasks.translations,
      status: taskCompletions.status,
      doneAt: taskCompletions.doneAt,
    })
    .from(taskCompletions)
    .innerJoin(tasks, eq(tasks.id, taskCompletions.taskId))
    .where(eq(taskCompletions.participantId, p.id))
    .orderBy(tasks.position, tasks.id);
  const granted = await db
    .select({
      title: rewards.title,
      translations: rewards.translations,
      code: grants.code,
      source: grants.source,
      issuedAt: grants.issuedAt,
    })
    .from(grants)
    .innerJoin(rewards, eq(rewards.id, grants.rewardId))
    .where(eq(grants.participantId, p.id))
    .orderBy(grants.issuedAt);
  return {
    campaignId: campaign.id,
    campaignTitle: columnText(campaign, 'title', viewer),
    stage: p.stage,
    stages: campaign.stages,
    taskTitles: await stageTaskTitles(db, campaign.id, [p.stage, ...campaign.stages], viewer),
    language: contentLanguageOf(p.language),
    joinedAt: p.createdAt,
    lastSeenAt: p.lastSeenAt,
    tasks: done.map(({ translations, ...d }) => ({ ...d, title: columnText({ ...d, translations }, 'title', viewer) })),
    rewards: granted.map(({ translations, ...g }) => ({
      ...g,
      title: columnText({ ...g, translations }, 'title', viewer),
      code: g.code == null ? null : maskCode(g.code),
    })),
  };
}
