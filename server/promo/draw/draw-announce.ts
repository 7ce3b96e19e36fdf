/**
 * @module Telling the winners: one community message per standing winner who allowed the community's messages,
 * through the outbox (the only way a message leaves; the bot's sender delivers it). Exactly once: each row's dedupe
 * key is the pick, and the pick is marked announced in the same transaction; winners without consent are counted,
 * not written to, and are announced by a later call if they allow messages meanwhile.
 */
import { inArray } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requireBrandSwitchedOn } from '../../auth/permissions.ts';
import { type ContentLanguage, columnText, contentLanguageOf } from '../../campaigns/content-language.ts';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { hasConsent } from '../../mailing/consent.ts';
import { enqueue, type OutboxDraft } from '../../mailing/outbox.ts';
import { recordAudit } from '../../office/audit.ts';
import { campaignGroupId } from '../promo-context.ts';
import { activeWinners, drawPicksOf, officeCampaign, requireDraw, requireDrawn } from './draw-records.ts';

const MESSAGE: Record<ContentLanguage, (title: string) => string> = {
  ru: (title) =>
    `Поздравляем! Вы среди победителей розыгрыша «${title}». Результаты и проверку честности розыгрыша можно посмотреть в приложении акции. Мы свяжемся с вами, чтобы передать приз.`,
  en: (title) =>
    `Congratulations! You are among the winners of the “${title}” giveaway. The results and the fairness check are in the promotion's app. We will contact you to hand over the prize.`,
};

export interface Announcement {
  /** Messages written to the outbox by this call. */
  queued: number;
  /** Winners who have not allowed the community's messages (not written to). */
  withoutConsent: number;
  /** Winners on another platform than VK (no community messages there). */
  otherPlatform: number;
  /** Winners announced by an earlier call. */
  alreadyAnnounced: number;
}

export async function announceWinners(deps: Deps, identity: Identity, campaignId: number): Promise<Announcement> {
  const campaign = await officeCampaign(deps.db, identity, campaignId);
  // A switched-off brand's messages would be closed unsent while its winners counted as told: refused instead.
  await requireBrandSwitchedOn(deps.db, campaign.brandId);
  const groupId = await campaignGroupId(deps.db, campaign);
  if (groupId === undefined) throw new ApiError(409, 'no_community', 'The campaign has no VK community to write from');
  const now = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const draw = requireDrawn(await requireDraw(tx, campaignId));
    const winners = activeWinners(await drawPicksOf(tx, draw.id));
    const result: Announcement = { queued: 0, withoutConsent: 0, otherPlatform: 0, alreadyAnnounced: 0 };
    const people = winners.length
      ? await tx
          .select()
          .from(schema.participants)
          .where(
            inArray(
              schema.participants.id,
              winners.map((w) => w.participantId),
            ),
          )
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const drafts: OutboxDraft[] = [];
    const announced: number[] = [];
    for (const w of winners) {
      const p = byId.get(w.participantId);
      if (w.announcedAt != null) result.alreadyAnnounced += 1;
      else if (p?.platform !== 'vk' || !Number.isSafeInteger(Number(p.platformUserId))) result.otherPlatform += 1;
      else if (!(await hasConsent(tx, groupId, Number(p.platformUserId), 'message'))) result.withoutConsent += 1;
      else {
        const language = contentLanguageOf(p.language);
        drafts.push({
          dedupeKey: `draw:${draw.id}:pick:${w.id}`,
          kind: 'broadcast',
          campaignId,
          participantId: p.id,
          vkGroupId: groupId,
          vkUserId: Number(p.platformUserId),
          channel: 'message',
          text: MESSAGE[language](columnText(campaign, 'title', language)),
        });
        announced.push(w.id);
      }
    }
    if (drafts.length > 0) {
      result.queued = (await enqueue(tx, drafts, now)).inserted;
      await tx.update(schema.drawPicks).set({ announcedAt: now }).where(inArray(schema.drawPicks.id, announced));
    }
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'draw.announce',
      entity: 'draw',
      entityId: draw.id,
      after: { ...result, picks: announced },
    });
    return result;
  });
}
