/**
 * An invitation made on OK or Telegram opens the same platform's app, and the friend who opens it there is counted as
 * a VK friend opening a VK link is. Before: every OK and Telegram invitation pointed at the VK app (vk.com/app…), where
 * the friend is another identity (or has no account), so `invite_friends` could not be done off VK.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { okLaunchFromUrl } from '../../../miniapp/platform/ok-launch.ts';
import { startParamToRoute } from '../../../miniapp/platform/telegram-launch.ts';
import type { Config } from '../../config.ts';
import { schema } from '../../db/client.ts';
import { shareLink } from '../tasks/task-view.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';

const TELEGRAM_APP_URL = 'https://t.me/promo_test_bot/promo';
const OK_APP_URL = 'https://ok.ru/game/512000000001';

describe('shareLink', () => {
  const config = { VK_APP_ID: 51000001, TELEGRAM_APP_URL, OK_APP_URL } as Config;

  it('opens the app of the platform the participant launched, carrying the route and the code', () => {
    expect(shareLink({ config }, { platform: 'vk', appId: '51000777' }, 3, 'aZ3k_Q-9')).toBe(
      'https://vk.com/app51000777#/campaigns/3?ref=aZ3k_Q-9',
    );
    expect(shareLink({ config }, { platform: 'telegram', appId: '7000000001' }, 3, 'aZ3k_Q-9')).toBe(
      'https://t.me/promo_test_bot/promo?startapp=campaign-3--ref-aZ3k_Q-9',
    );
    expect(shareLink({ config }, { platform: 'ok', appId: 'CTESTKEY' }, 3, 'aZ3k_Q-9')).toBe(
      `https://ok.ru/game/512000000001?custom_args=${encodeURIComponent('route=/campaign/3&ref=aZ3k_Q-9')}`,
    );
  });

  it("is no link at all, never another platform's, where the platform's app address is not configured", () => {
    const bare = { VK_APP_ID: 51000001 } as Config;
    expect(shareLink({ config: bare }, { platform: 'telegram', appId: '7000000001' }, 3, 'aZ3k_Q-9')).toBeUndefined();
    expect(shareLink({ config: bare }, { platform: 'ok', appId: 'CTESTKEY' }, 3, 'aZ3k_Q-9')).toBeUndefined();
  });
});

let w: PromoWorld;
afterEach(async () => w?.close());

interface InviteTask {
  state: string;
  action: { shareLink?: string; referralCode?: string; friendsJoined: number };
}

async function send(path: string, authorization: string, body?: unknown) {
  const res = await w.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { state?: unknown };
}

/** The campaign screen's `?ref=` in the hash the app opens with (miniapp/screens/promo/campaign-store.ts). */
const refOfHash = (hash: string | undefined) => new URLSearchParams(hash?.split('?')[1]).get('ref') ?? undefined;

async function inviteTask(id: number, authorization: string): Promise<InviteTask> {
  const state = (await send(`/api/campaigns/${id}/state`, authorization)) as { tasks: InviteTask[] };
  return state.tasks[0] as InviteTask;
}

describe('an invitation on Telegram and OK, end to end', () => {
  it('Telegram: the friend launches with the start_param, opens the campaign with the code, and is counted', async () => {
    w = await createPromoWorld({ TELEGRAM_APP_URL });
    const id = await w.campaign();
    await w.task(id, 'friends', 'invite_friends', { friendsRequired: 1 });
    const inviter = w.tmaAuth(101);
    await send(`/api/campaigns/${id}/open`, inviter, {});
    const link = new URL((await inviteTask(id, inviter)).action.shareLink ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(TELEGRAM_APP_URL);

    // Telegram hands `startapp` to the app as start_param, inside the signed initData.
    const startParam = link.searchParams.get('startapp') ?? '';
    const friend = w.tmaAuth(202, { start_param: startParam });
    const hash = startParamToRoute(startParam);
    expect(hash).toBe(`/campaign/${id}?ref=${refOfHash(hash)}`);
    await send(`/api/campaigns/${id}/open`, friend, { ref: refOfHash(hash) });

    expect(await inviteTask(id, inviter)).toMatchObject({ state: 'done', action: { friendsJoined: 1 } });
  });

  it('OK: the friend opens the app address, its custom_args lead to the campaign with the code, and is counted', async () => {
    w = await createPromoWorld({ OK_APP_URL });
    const id = await w.campaign();
    await w.task(id, 'friends', 'invite_friends', { friendsRequired: 1 });
    const inviter = w.okAuth('101');
    await send(`/api/campaigns/${id}/open`, inviter, {});
    const link = new URL((await inviteTask(id, inviter)).action.shareLink ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(OK_APP_URL);

    // OK passes the address's custom_args on to the app's launch query.
    const friend = w.okAuth('202', { custom_args: link.searchParams.get('custom_args') ?? '' });
    const hash = okLaunchFromUrl({ search: `?${friend.slice('OK '.length)}`, hash: '' }).startRoute;
    expect(hash).toBe(`/campaign/${id}?ref=${refOfHash(hash)}`);
    await send(`/api/campaigns/${id}/open`, friend, { ref: refOfHash(hash) });

    expect(await inviteTask(id, inviter)).toMatchObject({ state: 'done', action: { friendsJoined: 1 } });
  });

  it("Telegram: friends of different inviters come from one source, not one per inviter's code", async () => {
    w = await createPromoWorld({ TELEGRAM_APP_URL });
    const id = await w.campaign();
    await w.task(id, 'friends', 'invite_friends', { friendsRequired: 1 });
    for (const [inviter, friend] of [
      [101, 201],
      [102, 202],
    ] as const) {
      const auth = w.tmaAuth(inviter);
      await send(`/api/campaigns/${id}/open`, auth, {});
      const startParam = new URL((await inviteTask(id, auth)).action.shareLink ?? '').searchParams.get('startapp');
      const hash = startParamToRoute(startParam ?? '');
      await send(`/api/campaigns/${id}/open`, w.tmaAuth(friend, { start_param: startParam ?? '' }), {
        ref: refOfHash(hash),
      });
    }
    await send(`/api/campaigns/${id}/open`, w.tmaAuth(203, { start_param: `campaign-${id}` }), {});
    const rows = await w.deps.db.select().from(schema.participants).where(eq(schema.participants.campaignId, id));
    const sources = Object.fromEntries(rows.map((p) => [p.platformUserId, p.source]));
    expect(sources).toEqual({
      '101': null,
      '102': null,
      '201': `campaign-${id}--ref`,
      '202': `campaign-${id}--ref`,
      '203': `campaign-${id}`,
    });
  });

  it("unconfigured: a Telegram participant gets the code and no link, never the VK app's", async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'friends', 'invite_friends', { friendsRequired: 1 });
    const inviter = w.tmaAuth(101);
    const opened = (await send(`/api/campaigns/${id}/open`, inviter, {})) as {
      state: { participant: { referralCode: string; shareLink: string | null } };
    };
    expect(opened.state.participant.shareLink).toBeNull();
    const task = await inviteTask(id, inviter);
    expect(task.action.referralCode).toBe(opened.state.participant.referralCode);
    expect(task.action.shareLink).toBeUndefined();
  });
});
