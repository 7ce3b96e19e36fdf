import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { MAX_IN_FLIGHT_PER_USER } from '../../http/route-limits.ts';
import { findCompletion } from '../tasks/task-records.ts';
import { createPromoWorld, DAY, type PromoWorld } from '../testing/promo-world.ts';
import { openCampaign, recordRulesViewed } from './participation.service.ts';
import { countReferrals } from './referrals.ts';

let w: PromoWorld;
afterEach(async () => w.close());

const code = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.code}` : String(err);
  }
  return 'ok';
};

describe('opening a campaign', () => {
  it('creates one participation per platform user and records every open', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const first = await openCampaign(w.deps, w.identity(1), id, {});
    const again = await openCampaign(w.deps, w.identity(1), id, {});
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.participant.id).toBe(first.participant.id);
    // The same numeric id on another platform is another person.
    expect((await openCampaign(w.deps, w.identity(1, 'ok'), id, {})).participant.id).not.toBe(first.participant.id);
    const opened = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'opened'));
    expect(opened).toHaveLength(3);
  });

  it("item 3: the participant's language follows their latest launch (mailings are chosen by it)", async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await openCampaign(w.deps, { ...w.identity(1), language: 'ru' }, id, {});
    const again = await openCampaign(w.deps, { ...w.identity(1), language: 'en' }, id, {});
    expect(again.participant.language).toBe('en');
    const [row] = await w.deps.db
      .select()
      .from(schema.participants)
      .where(eq(schema.participants.id, again.participant.id));
    expect(row?.language).toBe('en');
  });

  it('one participation even when many opens race over HTTP', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    // As many as one user may have in flight at once (http/route-limits.ts).
    const responses = await Promise.all(
      Array.from({ length: MAX_IN_FLIGHT_PER_USER }, () => w.call('POST', `/api/campaigns/${id}/open`, 7, {})),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(MAX_IN_FLIGHT_PER_USER).fill(200));
    expect(await w.deps.db.select().from(schema.participants)).toHaveLength(1);
  });

  it('refuses to join outside the schedule or status, but lets existing participants back in', async () => {
    w = await createPromoWorld();
    const now = w.clock.now;
    const future = await w.campaign({ startsAt: now + DAY });
    const paused = await w.campaign({ status: 'paused' });
    const ended = await w.campaign({ endsAt: now - 1 });
    const draft = await w.campaign({ status: 'draft' });
    expect(await code(() => openCampaign(w.deps, w.identity(1), future, {}))).toBe('409 campaign_not_started');
    expect(await code(() => openCampaign(w.deps, w.identity(1), paused, {}))).toBe('409 campaign_paused');
    expect(await code(() => openCampaign(w.deps, w.identity(1), ended, {}))).toBe('409 campaign_ended');
    expect(await code(() => openCampaign(w.deps, w.identity(1), draft, {}))).toBe('404 campaign_not_found');
    const live = await w.campaign({ endsAt: now + DAY });
    await openCampaign(w.deps, w.identity(1), live, {});
    w.clock.advance(2 * DAY);
    expect(await code(() => openCampaign(w.deps, w.identity(1), live, {}))).toBe('ok');
    expect(await code(() => openCampaign(w.deps, w.identity(2), live, {}))).toBe('409 campaign_ended');
  });

  it('records rules viewed, also before joining', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await recordRulesViewed(w.deps, w.identity(1), id);
    await openCampaign(w.deps, w.identity(1), id, {});
    await recordRulesViewed(w.deps, w.identity(1), id);
    const rows = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'rules_viewed'));
    expect(rows.map((r) => r.participantId === null)).toEqual([true, false]);
  });
});

describe('referrals', () => {
  it('counts a new participant once, ignores returning ones, self-referral and foreign codes', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const other = await w.campaign();
    await w.task(id, 'friends', 'invite_friends', { friendsRequired: 2 });
    const inviter = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    const foreign = (await openCampaign(w.deps, w.identity(9), other, {})).participant;
    // Self: the inviter re-opens with their own code.
    await openCampaign(w.deps, w.identity(1), id, { ref: inviter.referralCode });
    // A friend joins through the link, then opens it again (still one).
    await openCampaign(w.deps, w.identity(2), id, { ref: inviter.referralCode });
    await openCampaign(w.deps, w.identity(2), id, { ref: inviter.referralCode });
    // A code from another campaign and a made-up code count for nobody.
    await openCampaign(w.deps, w.identity(3), id, { ref: foreign.referralCode });
    await openCampaign(w.deps, w.identity(4), id, { ref: 'nope' });
    // Someone who was already a participant cannot be re-attributed.
    expect(await countReferrals(w.deps.db, inviter.id)).toBe(1);
    const taskId = (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, 'friends')).limit(1))[0]
      ?.id as number;
    expect((await findCompletion(w.deps.db, inviter.id, taskId))?.status).not.toBe('done');
    await openCampaign(w.deps, w.identity(5), id, { ref: inviter.referralCode });
    expect(await countReferrals(w.deps.db, inviter.id)).toBe(2);
    expect(await findCompletion(w.deps.db, inviter.id, taskId)).toMatchObject({
      status: 'done',
      level: 'server_verified',
    });
  });
});
