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
afterEach(() => w.close());

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.code}` : String(err);
  }
  return 'ok';
};

describe('opening a campaign', () => {
  it('creates one participation per platform user and records every open', () => {
    w = createPromoWorld();
    const id = w.campaign();
    const first = openCampaign(w.deps, w.identity(1), id, {});
    const again = openCampaign(w.deps, w.identity(1), id, {});
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.participant.id).toBe(first.participant.id);
    // The same numeric id on another platform is another person.
    expect(openCampaign(w.deps, w.identity(1, 'ok'), id, {}).participant.id).not.toBe(first.participant.id);
    const opened = w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'opened')).all();
    expect(opened).toHaveLength(3);
  });

  it('one participation even when many opens race over HTTP', async () => {
    w = createPromoWorld();
    const id = w.campaign();
    // As many as one user may have in flight at once (http/route-limits.ts).
    const responses = await Promise.all(
      Array.from({ length: MAX_IN_FLIGHT_PER_USER }, () => w.call('POST', `/api/campaigns/${id}/open`, 7, {})),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(MAX_IN_FLIGHT_PER_USER).fill(200));
    expect(w.deps.db.select().from(schema.participants).all()).toHaveLength(1);
  });

  it('refuses to join outside the schedule or status, but lets existing participants back in', () => {
    w = createPromoWorld();
    const now = w.clock.now;
    const future = w.campaign({ startsAt: now + DAY });
    const paused = w.campaign({ status: 'paused' });
    const ended = w.campaign({ endsAt: now - 1 });
    const draft = w.campaign({ status: 'draft' });
    expect(code(() => openCampaign(w.deps, w.identity(1), future, {}))).toBe('409 campaign_not_started');
    expect(code(() => openCampaign(w.deps, w.identity(1), paused, {}))).toBe('409 campaign_paused');
    expect(code(() => openCampaign(w.deps, w.identity(1), ended, {}))).toBe('409 campaign_ended');
    expect(code(() => openCampaign(w.deps, w.identity(1), draft, {}))).toBe('404 campaign_not_found');
    const live = w.campaign({ endsAt: now + DAY });
    openCampaign(w.deps, w.identity(1), live, {});
    w.clock.advance(2 * DAY);
    expect(code(() => openCampaign(w.deps, w.identity(1), live, {}))).toBe('ok');
    expect(code(() => openCampaign(w.deps, w.identity(2), live, {}))).toBe('409 campaign_ended');
  });

  it('records rules viewed, also before joining', () => {
    w = createPromoWorld();
    const id = w.campaign();
    recordRulesViewed(w.deps, w.identity(1), id);
    openCampaign(w.deps, w.identity(1), id, {});
    recordRulesViewed(w.deps, w.identity(1), id);
    const rows = w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'rules_viewed')).all();
    expect(rows.map((r) => r.participantId === null)).toEqual([true, false]);
  });
});

describe('referrals', () => {
  it('counts a new participant once, ignores returning ones, self-referral and foreign codes', () => {
    w = createPromoWorld();
    const id = w.campaign();
    const other = w.campaign();
    w.task(id, 'friends', 'invite_friends', { friendsRequired: 2 });
    const inviter = openCampaign(w.deps, w.identity(1), id, {}).participant;
    const foreign = openCampaign(w.deps, w.identity(9), other, {}).participant;
    // Self: the inviter re-opens with their own code.
    openCampaign(w.deps, w.identity(1), id, { ref: inviter.referralCode });
    // A friend joins through the link, then opens it again (still one).
    openCampaign(w.deps, w.identity(2), id, { ref: inviter.referralCode });
    openCampaign(w.deps, w.identity(2), id, { ref: inviter.referralCode });
    // A code from another campaign and a made-up code count for nobody.
    openCampaign(w.deps, w.identity(3), id, { ref: foreign.referralCode });
    openCampaign(w.deps, w.identity(4), id, { ref: 'nope' });
    // Someone who was already a participant cannot be re-attributed.
    expect(countReferrals(w.deps.db, inviter.id)).toBe(1);
    const taskId = w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, 'friends')).get()?.id as number;
    expect(findCompletion(w.deps.db, inviter.id, taskId)?.status).not.toBe('done');
    openCampaign(w.deps, w.identity(5), id, { ref: inviter.referralCode });
    expect(countReferrals(w.deps.db, inviter.id)).toBe(2);
    expect(findCompletion(w.deps.db, inviter.id, taskId)).toMatchObject({ status: 'done', level: 'server_verified' });
  });
});
