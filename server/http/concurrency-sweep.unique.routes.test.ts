/**
 * Writes that create something with a natural key (a pool's key, a member, a community, a tester, a tag on a person,
 * a favourite, a feedback) or change a state once (a status, a switch-off), sent 2 and 8 times at once over the real
 * adapter: the database's unique index decides which one wins, and a loser must hear a 4xx with a code or the
 * winner's answer, never the unique violation as a 500; one row and one audit row are written.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { DEMO_ADMIN_VK_ID, DEMO_AGENCY_OWNER_VK_ID } from '../seed/demo-ids.ts';
import { type BurstWorld, burstProblems, createBurstWorld } from './testing/burst.ts';

let w: BurstWorld;
beforeAll(async () => {
  w = await createBurstWorld();
}, 30_000);
afterAll(async () => w?.stop());

const ADMIN = DEMO_ADMIN_VK_ID;
const OWNER = DEMO_AGENCY_OWNER_VK_ID;
const TIMES = [2, 8] as const;

const {
  officeAudit,
  codePools,
  memberships,
  communities,
  apps,
  betaTesters,
  betaLinks,
  participantTags,
  participants,
} = schema;

const audited = async (action: string) =>
  (await w.deps.db.select().from(officeAudit).where(eq(officeAudit.action, action))).length;

interface Case {
  name: string;
  method: string;
  path: (n: number) => string;
  user: number;
  body?: (n: number) => unknown;
  refusals: string[];
  /** The rows the write is about, counted after the burst. */
  rows: (n: number) => Promise<number>;
  audit?: string;
}

const CASES: Case[] = [
  {
    name: 'a code pool with one key',
    method: 'POST',
    path: () => `/api/admin/campaigns/${w.campaign('summer-tasks')}/pools`,
    user: ADMIN,
    body: (n) => ({ key: `same-${n}`, name: 'Same' }),
    refusals: ['pool_key_taken', 'duplicate_key', 'conflict'],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(codePools)
          .where(eq(codePools.key, `same-${n}`))
      ).length,
    audit: 'pool.create',
  },
  {
    name: 'a member added at once (no link)',
    method: 'POST',
    path: () => '/api/admin/team/members',
    user: ADMIN,
    body: (n) => ({ brandId: w.brandId, vkUserId: 555_000 + n, role: 'brand_member', sections: ['mailings'] }),
    refusals: ['already_member'],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(memberships)
          .where(eq(memberships.platformUserId, String(555_000 + n)))
      ).length,
    audit: 'member.add',
  },
  {
    name: 'a community connected at once',
    method: 'POST',
    path: () => `/api/admin/agency/brands/${w.brandId}/communities`,
    user: OWNER,
    body: (n) => ({ vkGroupId: 210_000_000 + n, name: 'Community' }),
    refusals: ['community_taken', 'group_taken', 'already_connected'],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(communities)
          .where(eq(communities.vkGroupId, 210_000_000 + n))
      ).length,
    audit: 'community.connect',
  },
  {
    name: 'an app connected at once',
    method: 'POST',
    path: () => `/api/admin/agency/brands/${w.brandId}/apps`,
    user: OWNER,
    body: (n) => ({ name: 'App', vkAppId: 52_000_000 + n }),
    refusals: ['app_taken', 'already_connected'],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(apps)
          .where(eq(apps.vkAppId, 52_000_000 + n))
      ).length,
    audit: 'app.connect',
  },
  {
    name: 'a tester added at once',
    method: 'POST',
    path: () => `/api/admin/campaigns/${draft}/testers`,
    user: ADMIN,
    body: (n) => ({ vkUserId: 666_000 + n }),
    refusals: [],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(betaTesters)
          .where(eq(betaTesters.platformUserId, String(666_000 + n)))
      ).length,
    audit: 'beta.tester_add',
  },
  {
    name: 'the tester link made at once',
    method: 'POST',
    path: () => `/api/admin/campaigns/${draft}/tester-link`,
    user: ADMIN,
    refusals: [],
    rows: async () => (await w.deps.db.select().from(betaLinks).where(eq(betaLinks.campaignId, draft))).length,
  },
  {
    name: 'a participant joining the beta with the link at once',
    method: 'POST',
    path: () => '/api/beta/join',
    user: 0,
    body: () => ({ token: betaToken }),
    refusals: [],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(betaTesters)
          .where(eq(betaTesters.platformUserId, String(888_000 + n)))
      ).length,
  },
  {
    name: 'a tag put on a participant at once',
    method: 'POST',
    path: () => `/api/admin/mailing/campaigns/${w.campaign('summer-tasks')}/tags`,
    user: ADMIN,
    body: (n) => ({ tag: `vip${n}`, add: [pidOf] }),
    refusals: [],
    rows: async (n) =>
      (
        await w.deps.db
          .select()
          .from(participantTags)
          .where(eq(participantTags.tag, `vip${n}`))
      ).length,
  },
];

/** A participant of the tasks campaign, for the tag. */
let pidOf = 0;
/** A draft campaign (a beta test runs before the launch) and its tester link. */
let draft = 0;
let betaToken = '';

describe.each(TIMES)('a write with a natural key %i times at once', (n) => {
  beforeAll(async () => {
    if (pidOf) return;
    const id = w.campaign('summer-tasks');
    expect((await w.send('POST', `/api/campaigns/${id}/open`, 777_001, {})).status).toBe(200);
    const [row] = await w.deps.db
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.campaignId, id), eq(participants.platformUserId, '777001')));
    pidOf = row?.id as number;
    const created = await w.send('POST', '/api/admin/campaigns', ADMIN, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    expect(created.status).toBeLessThan(300);
    draft = (created.body as { id: number }).id;
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: one row, no 5xx', async (_, c) => {
    const audits = c.audit ? await audited(c.audit) : 0;
    if (c.user === 0) {
      const link = await w.send('POST', `/api/admin/campaigns/${draft}/tester-link`, ADMIN);
      betaToken = (link.body as { token: string }).token;
    }
    const answers = await w.burst(n, c.method, c.path(n), c.user || 888_000 + n, c.body?.(n));
    expect(burstProblems(answers, { refusals: c.refusals })).toEqual([]);
    expect(answers.some((a) => a.status < 300)).toBe(true);
    expect(await c.rows(n)).toBe(1);
    if (c.audit) expect((await audited(c.audit)) - audits).toBe(1);
  });
});
