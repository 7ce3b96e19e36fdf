/**
 * A 422 from a refinement over several fields ("give one of these", "nothing to change") names those fields in
 * `issues`, as every other validation 422 does; its path had been `""`, the object's own, which names nothing a form
 * can mark. An empty CSV file names the field its JSON form has. Each through the real app, as the agency's owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

const OWNER = 701;
const SAVED_AT = 0;

let w: PromoWorld;
let campaign: number;
let pool: number;
beforeAll(async () => {
  w = await createPromoWorld();
  await w.agencyOwner(OWNER);
  campaign = await w.campaign();
  pool = await w.pool(campaign, 'extra', ['A1']);
});
afterAll(async () => w?.close());

/** [what, method, path, body (a string is sent as text/csv), the fields named] */
const cases: [string, string, () => string, (() => unknown) | undefined, string[]][] = [
  [
    'team: invitations of neither a brand nor an agency',
    'GET',
    () => '/api/admin/team/invitations',
    undefined,
    ['brandId', 'agencyId'],
  ],
  [
    'team: a member change with neither role nor sections',
    'PATCH',
    () => '/api/admin/team/members/1',
    () => ({}),
    ['role', 'sections'],
  ],
  [
    'agency: a community edit that changes nothing',
    'PATCH',
    () => `/api/admin/agency/brands/${w.brandId}/communities/1`,
    () => ({ savedAt: SAVED_AT }),
    ['name', 'token', 'callbackConfirmation', 'callbackSecret'],
  ],
  [
    'agency: an app edit that changes nothing',
    'PATCH',
    () => `/api/admin/agency/brands/${w.brandId}/apps/1`,
    () => ({ savedAt: SAVED_AT }),
    ['name', 'vkAppId', 'vkSecret', 'vkServiceToken', 'okAppKey', 'telegramBotId'],
  ],
  [
    'agency: a settings edit that changes nothing',
    'PATCH',
    () => '/api/admin/agency/settings',
    () => ({ agencyId: w.agencyId, savedAt: SAVED_AT }),
    ['name', 'logoUrl', 'accent'],
  ],
  [
    'support inbox: a ticket change with neither status nor assignee',
    'PATCH',
    () => `/api/admin/support/brands/${w.brandId}/tickets/1`,
    () => ({}),
    ['status', 'assigneeMembershipId'],
  ],
  [
    'pools: an empty CSV file',
    'POST',
    () => `/api/admin/campaigns/${campaign}/pools/${pool}/codes`,
    () => ' \r\n',
    ['csv'],
  ],
  [
    'catalogue: an empty CSV file',
    'POST',
    () => `/api/admin/campaigns/${campaign}/offers/import`,
    () => ' \r\n',
    ['content'],
  ],
];

function send(method: string, path: string, body: unknown): Promise<Response> {
  if (typeof body !== 'string') return w.call(method, path, OWNER, body);
  return Promise.resolve(
    w.app.request(path, {
      method,
      headers: { Authorization: w.vkAuth(OWNER), 'Content-Type': 'text/csv' },
      body,
    }),
  );
}

describe('a 422 of a refinement over several fields names them', () => {
  it.each(cases)('%s', async (_, method, path, body, fields) => {
    const res = await send(method, path(), body?.());
    const error = ((await res.json()) as { error: { code: string; issues?: { path: string }[] } }).error;
    expect(res.status, JSON.stringify(error)).toBe(422);
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path)).toEqual(fields);
  });
});
