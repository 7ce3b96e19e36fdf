/**
 * Decision 116: `launch` became a section of its own, and nobody loses what they could do. The migration (SQLite 0031,
 * PostgreSQL 0024) gives `launch`, right after `campaigns`, to every membership and every invitation not yet used or
 * revoked that lists `campaigns`; every other row keeps its list as it was. Run on a database migrated up to the
 * migration before, holding rows of several kinds, then migrated to the end.
 */
import { expect, it } from 'vitest';
import { rowsAcrossMigration } from '../../tests/support/across-migration.ts';

const SEED = [
  `insert into agencies (id, name) values (1, 'A')`,
  `insert into brands (id, agency_id, name) values (1, 1, 'B')`,
];
type Case = { key: string; role: string; sections: string[]; expected: string[] };
const MEMBERS: Case[] = [
  { key: 'm-campaigns', role: 'brand_member', sections: ['campaigns'], expected: ['campaigns', 'launch'] },
  {
    key: 'm-all',
    role: 'brand_admin',
    sections: ['campaigns', 'prizes', 'mailings', 'stats', 'support', 'team', 'leads'],
    expected: ['campaigns', 'launch', 'prizes', 'mailings', 'stats', 'support', 'team', 'leads'],
  },
  { key: 'm-late', role: 'brand_member', sections: ['stats', 'campaigns'], expected: ['stats', 'campaigns', 'launch'] },
  { key: 'm-prizes', role: 'brand_member', sections: ['prizes', 'stats'], expected: ['prizes', 'stats'] },
  { key: 'm-none', role: 'brand_member', sections: [], expected: [] },
  { key: 'm-owner', role: 'agency_admin', sections: [], expected: [] },
];
type InviteCase = Case & { state: 'pending' | 'used' | 'revoked' };
const INVITES: InviteCase[] = [
  {
    key: 'i-pending',
    role: 'brand_member',
    sections: ['campaigns', 'stats'],
    state: 'pending',
    expected: ['campaigns', 'launch', 'stats'],
  },
  { key: 'i-other', role: 'brand_member', sections: ['mailings'], state: 'pending', expected: ['mailings'] },
  { key: 'i-used', role: 'brand_member', sections: ['campaigns'], state: 'used', expected: ['campaigns'] },
  { key: 'i-revoked', role: 'brand_member', sections: ['campaigns'], state: 'revoked', expected: ['campaigns'] },
];
const memberSql = (m: Case, i: number) =>
  `insert into memberships (platform, platform_user_id, agency_id, brand_id, role, sections)
   values ('vk', '${m.key}', 1, ${m.role === 'agency_admin' ? 'null' : 1}, '${m.role}', '${JSON.stringify(m.sections)}')`.replace(
    /'vk', '/,
    `'vk', '${i}-`,
  );
const inviteSql = (v: InviteCase) =>
  `insert into invitations (token_hash, agency_id, brand_id, role, sections, platform, expires_at, created_by_platform,
     created_by_user_id, used_at, revoked_at)
   values ('${v.key}', 1, 1, '${v.role}', '${JSON.stringify(v.sections)}', 'vk', 9999999999999, 'vk', '1',
     ${v.state === 'used' ? 1 : 'null'}, ${v.state === 'revoked' ? 1 : 'null'})`;

type Member = { key: string; sections: unknown };
const MEMBERS_READ = `select platform_user_id as key, sections from memberships order by id`;
const INVITES_READ = `select token_hash as key, sections from invitations order by id`;
const asList = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

it('gives launch to exactly the members and pending invitations with campaigns', { timeout: 60_000 }, async () => {
  const [members, invites] = (await rowsAcrossMigration(
    { sqlite: '0031_', postgres: '0024_' },
    [...SEED, ...MEMBERS.map(memberSql), ...INVITES.map(inviteSql)],
    [MEMBERS_READ, INVITES_READ],
  )) as [Member[], Member[]];
  expect(members.map((m) => [m.key.replace(/^\d+-/, ''), asList(m.sections)])).toEqual(
    MEMBERS.map((m) => [m.key, m.expected]),
  );
  expect(invites.map((v) => [v.key, asList(v.sections)])).toEqual(INVITES.map((v) => [v.key, v.expected]));
});
