/**
 * A 422 a handler decides beyond its zod schema (a stage the campaign lacks, crossed range ends, half a cursor, an
 * assignee without support rights, a scope naming no brand) names its field in `issues`, as a validation 422 does
 * (router.ts): each refusal through the real app, with its own code kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

const OWNER = 701;
const PARTICIPANT = 27;

let w: PromoWorld;
let campaign: number;
let ticket: number;
let manager: number;
beforeAll(async () => {
  w = await createPromoWorld();
  await w.agencyOwner(OWNER);
  campaign = await w.campaign();
  expect((await w.call('POST', `/api/campaigns/${campaign}/open`, PARTICIPANT, {})).status).toBe(200);
  const opened = await w.call('POST', '/api/support/tickets', PARTICIPANT, {
    campaignId: campaign,
    subject: 'Вопрос',
    body: 'Когда итоги?',
  });
  ticket = ((await opened.json()) as { ticket: { id: number } }).ticket.id;
  manager = (
    await w.write(async (tx) =>
      inserted(
        await tx
          .insert(schema.memberships)
          .values({
            platform: 'vk',
            platformUserId: '702',
            agencyId: w.agencyId,
            brandId: null,
            role: 'agency_manager',
            sections: ['stats'],
          })
          .returning({ id: schema.memberships.id }),
      ),
    )
  ).id;
});
afterAll(async () => w?.close());

const broadcast = (extra: object) => ({ name: 'Новость', segment: {}, channel: 'message', text: 'Привет', ...extra });

/** [what, method, path, body, the error's code, the field it names] */
const cases: [string, string, () => string, (() => unknown) | undefined, string, string][] = [
  [
    'funnel: a stage the campaign lacks',
    'GET',
    () => `/api/admin/funnel/campaigns/${campaign}/stuck?stage=paid`,
    undefined,
    'unknown_stage',
    'stage',
  ],
  [
    'funnel: half a cursor',
    'GET',
    () => `/api/admin/funnel/campaigns/${campaign}/stuck?stage=opened&afterId=3`,
    undefined,
    'invalid_cursor',
    'afterReachedAt',
  ],
  [
    'funnel report: `to` not after `from`',
    'GET',
    () => `/api/admin/funnel/campaigns/${campaign}/report?from=2000&to=1000`,
    undefined,
    'invalid_range',
    'to',
  ],
  [
    'statistics: `from` after `to`',
    'GET',
    () => `/api/admin/stats/campaigns/${campaign}/summary?from=2026-06-10&to=2026-06-01`,
    undefined,
    'invalid_range',
    'from',
  ],
  [
    "broadcast: a segment's stage the campaign lacks",
    'POST',
    () => `/api/admin/mailing/campaigns/${campaign}/broadcasts`,
    () => broadcast({ segment: { stage: 'paid' } }),
    'unknown_stage',
    'segment.stage',
  ],
  [
    'broadcast: a target stage the campaign lacks',
    'POST',
    () => `/api/admin/mailing/campaigns/${campaign}/broadcasts`,
    () => broadcast({ targetStage: 'paid' }),
    'unknown_stage',
    'targetStage',
  ],
  [
    "broadcast preview: a segment's stage the campaign lacks (create refuses it, so the count would be of nothing)",
    'POST',
    () => `/api/admin/mailing/campaigns/${campaign}/broadcasts/preview`,
    () => ({ segment: { stage: 'paid' }, channel: 'message' }),
    'unknown_stage',
    'segment.stage',
  ],
  [
    "broadcast dry run: a segment's stage the campaign lacks",
    'POST',
    () => `/api/admin/mailing/campaigns/${campaign}/broadcasts`,
    () => broadcast({ segment: { stage: 'paid' }, dryRun: true }),
    'unknown_stage',
    'segment.stage',
  ],
  [
    'broadcast dry run: a target stage the campaign lacks',
    'POST',
    () => `/api/admin/mailing/campaigns/${campaign}/broadcasts`,
    () => broadcast({ targetStage: 'paid', dryRun: true }),
    'unknown_stage',
    'targetStage',
  ],
  [
    'support: an assignee without support rights',
    'PATCH',
    () => `/api/admin/support/brands/${w.brandId}/tickets/${ticket}`,
    () => ({ assigneeMembershipId: 999_999 }),
    'not_a_support_member',
    'assigneeMembershipId',
  ],
  [
    'team: no brand and no agency',
    'POST',
    () => '/api/admin/team/members',
    () => ({ brandId: null, vkUserId: 5, role: 'agency_admin', sections: [] }),
    'invalid_input',
    'brandId',
  ],
  [
    'team: a VK user id on an invitation for another platform',
    'POST',
    () => '/api/admin/team/invitations',
    () => ({ brandId: w.brandId, role: 'brand_member', sections: ['stats'], platform: 'ok', vkUserId: 5 }),
    'invalid_input',
    'vkUserId',
  ],
  [
    "team: a manager's brand not of this agency",
    'PUT',
    () => `/api/admin/team/members/${manager}/brands`,
    () => ({ brandIds: [999_999] }),
    'unknown_brand',
    'brandIds',
  ],
];

describe('a handler-decided 422 names its field like a validation 422', () => {
  it.each(cases)('%s', async (_, method, path, body, code, field) => {
    const res = await w.call(method, path(), OWNER, body?.());
    const error = ((await res.json()) as { error: { code: string; issues?: unknown } }).error;
    expect([res.status, error]).toEqual([
      422,
      { code, message: expect.any(String), issues: [{ path: field, message: expect.any(String) }] },
    ]);
  });

  it('nothing was written by the refused broadcast', async () => {
    expect(await w.deps.db.select().from(schema.broadcasts)).toEqual([]);
  });
});
