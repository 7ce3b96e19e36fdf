/**
 * The support inbox names people as every office answer does (server/profile-url.ts): a ticket carries its
 * participant's `profileUrl` (a VK page; null for an OK or Telegram id, which has no page to open) and each agent is
 * a person with a platform and a `profileUrl`. The inbox had no link and the agents no platform, so the office wrote
 * every one of them as `id…`, an OK participant as the VK page `id5550001`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';
import { ticketFromBot } from './ticket-from-bot.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const OWNER = 504;
const VK_WRITER = 8;

async function json<T>(r: Response | Promise<Response>): Promise<T> {
  const res = await r;
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Ticket = { id: number; platform: string; platformUserId: string; profileUrl: string | null };

describe('people in the support inbox', () => {
  it('tickets and agents carry the platform and the profile address, none for OK or Telegram', async () => {
    w = await createPromoWorld();
    const campaignId = await w.campaign();
    const member = (platform: 'vk' | 'telegram', userId: string, brandId: number | null, role: string) =>
      w.write(async (tx) =>
        inserted(
          await tx
            .insert(schema.memberships)
            .values({
              platform,
              platformUserId: userId,
              agencyId: w.agencyId,
              brandId,
              role: role as 'brand_admin',
              sections: ['support'],
            })
            .returning({ id: schema.memberships.id }),
        ),
      );
    const owner = await member('vk', String(OWNER), null, 'agency_admin');
    const agent = await member('telegram', '42', w.brandId, 'brand_member');
    const ok = await w.write(async (tx) =>
      inserted(
        await tx
          .insert(schema.tickets)
          .values({
            campaignId,
            platform: 'ok',
            platformUserId: '5550001',
            source: 'miniapp',
            subject: 'Из Одноклассников',
            createdAt: w.clock.now,
            updatedAt: w.clock.now,
          })
          .returning({ id: schema.tickets.id }),
      ),
    );
    const vk = await w.write((tx) => ticketFromBot(tx, GROUP_ID, VK_WRITER, 'Когда розыгрыш?', w.clock.now, 'm1'));
    const base = `/api/admin/support/brands/${w.brandId}`;

    const { tickets } = await json<{ tickets: Ticket[] }>(w.call('GET', `${base}/tickets`, OWNER));
    const byId = new Map(tickets.map((t) => [t.id, t]));
    expect(byId.get(ok.id)).toMatchObject({ platform: 'ok', platformUserId: '5550001', profileUrl: null });
    expect(byId.get(vk.id)).toMatchObject({
      platform: 'vk',
      platformUserId: String(VK_WRITER),
      profileUrl: `https://vk.com/id${VK_WRITER}`,
    });
    const thread = await json<{ ticket: Ticket }>(w.call('GET', `${base}/tickets/${ok.id}`, OWNER));
    expect(thread.ticket).toMatchObject({ platform: 'ok', profileUrl: null });

    const { agents } = await json<{ agents: unknown[] }>(w.call('GET', `${base}/agents`, OWNER));
    expect(agents).toEqual([
      {
        membershipId: owner.id,
        platform: 'vk',
        userId: String(OWNER),
        profileUrl: `https://vk.com/id${OWNER}`,
        role: 'agency_admin',
      },
      { membershipId: agent.id, platform: 'telegram', userId: '42', profileUrl: null, role: 'brand_member' },
    ]);
  });
});
