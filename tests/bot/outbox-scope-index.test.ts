/**
 * Decision 093: each sender run (a community's, an app's: server/mailing/outbox-scope.ts) finds its own rows by an
 * index that starts with its scope. Before, its claim and its idle "when is the next row due" look read the due index
 * `outbox_due_idx (status, next_attempt_at)`: a community's run walked every other community's earlier queued rows
 * (one big broadcast of another's), and an app's run looked up each row's campaign's app as it walked. Now a notification
 * carries its app (`outbox.vk_app_id`, written by the real `enqueue`), and every statement those looks run is an index
 * lookup on `outbox_community_due_idx` / `outbox_app_due_idx`. Shown on the real database with `EXPLAIN QUERY PLAN`
 * (SQLite) and `EXPLAIN` (PostgreSQL, statistics gathered) of the very statements the looks ran, with their values.
 */
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { PROCESS_DIALECT } from '../../server/db/dialect.ts';
import type { PgDb } from '../../server/db/postgres.ts';
import { queryPlan, usesIndex } from '../../server/db/query-plan.ts';
import type { MessageChannel } from '../../server/db/schema/messaging.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue, type OutboxDraft } from '../../server/mailing/outbox.ts';
import { outboxNextDueAt, outboxRemaining } from '../../server/mailing/outbox-answers.ts';
import { claimRequests } from '../../server/mailing/outbox-claim.ts';
import type { OutboxScope } from '../../server/mailing/outbox-scope.ts';
import { closeSwitchedOffWaiting } from '../../server/mailing/outbox-switched-off.ts';
import { createTestWorld, TEST_VK_APP_ID, type TestWorld } from '../support/test-deps.ts';

let world: TestWorld | undefined;
afterEach(() => {
  world?.close();
  world = undefined;
});

const BIG_GROUP = 1001;
const SMALL_GROUP = 1002;
const OTHER_APP = 52_000_001;
const HOUR = 3_600_000;

/** Campaigns of an app with VK id `OTHER_APP`, and of an app with none (its rows are the configured app's). */
async function campaigns(w: TestWorld): Promise<{ other: number; configured: number }> {
  return w.write(async (tx) => {
    const [agency] = await tx.insert(schema.agencies).values({ name: 'A' }).returning();
    const [brand] = await tx
      .insert(schema.brands)
      .values({ agencyId: agency?.id as number, name: 'B' })
      .returning();
    const brandId = brand?.id as number;
    const [community] = await tx
      .insert(schema.communities)
      .values({ brandId, vkGroupId: SMALL_GROUP, name: 'C' })
      .returning();
    const ids: number[] = [];
    for (const vkAppId of [OTHER_APP, null]) {
      const [app] = await tx
        .insert(schema.apps)
        .values({ brandId, name: `app ${vkAppId}`, vkAppId })
        .returning();
      const [campaign] = await tx
        .insert(schema.campaigns)
        .values({
          brandId,
          appId: app?.id as number,
          communityId: community?.id as number,
          slug: `c${ids.length}`,
          title: 'K',
          mechanic: 'tasks',
          status: 'live',
          startsAt: w.clock.now - 86_400_000,
          endsAt: w.clock.now + 86_400_000,
          timeZone: 'Europe/Moscow',
          stages: ['opened'],
        })
        .returning();
      ids.push(campaign?.id as number);
    }
    return { other: ids[0] as number, configured: ids[1] as number };
  });
}

const draft = (key: string, vkGroupId: number, channel: MessageChannel, at: number, campaignId?: number) =>
  ({
    dedupeKey: key,
    // A community's direct reply needs no mailing consent (outbox-stale.ts): the claim keeps it.
    kind: channel === 'message' ? 'reply' : 'broadcast',
    campaignId,
    vkGroupId,
    vkUserId: 7_000_000 + Number(key.replace(/\D/g, '')),
    channel,
    text: `t ${key}`,
    nextAttemptAt: at,
  }) satisfies OutboxDraft;

/**
 * A big queue of one community's messages (due both earlier and later than the rest, as a broadcast held for quiet
 * hours is) beside a few rows of each other scope, all written by the real `enqueue`.
 */
async function fill(w: TestWorld): Promise<{ other: number; configured: number }> {
  const c = await campaigns(w);
  const now = w.clock.now;
  const drafts: OutboxDraft[] = [];
  for (let i = 0; i < 4000; i += 1) drafts.push(draft(`big${i}`, BIG_GROUP, 'message', now + (i % 2 ? HOUR : -HOUR)));
  for (let i = 0; i < 3; i += 1) {
    drafts.push(draft(`small${i}`, SMALL_GROUP, 'message', now + HOUR));
    drafts.push(draft(`other${i}`, SMALL_GROUP, 'notification', now + HOUR, c.other));
    drafts.push(draft(`configured${i}`, SMALL_GROUP, 'notification', now + HOUR, c.configured));
    drafts.push(draft(`reply${i}`, SMALL_GROUP, 'notification', now + HOUR));
  }
  await inTransaction(w.deps.db, (tx) => enqueue(tx, drafts, now));
  if (PROCESS_DIALECT === 'postgres') await (w.deps.db as unknown as PgDb).execute(sql`ANALYZE "outbox"`);
  return c;
}

interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs `work` and answers every statement it ran, with its values: on SQLite as each prepared statement runs, on
 * PostgreSQL as each query reaches a client (a pooled one for a transaction too).
 */
async function statementsOf(work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const undo: Array<() => void> = [];
  const wrap = (proto: Record<string, unknown>, name: string, read: (self: unknown, args: unknown[]) => Statement) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      seen.push(read(this, args));
      return original.apply(this, args);
    };
    undo.push(() => {
      proto[name] = original;
    });
  };
  if (PROCESS_DIALECT === 'postgres') {
    wrap(pg.Client.prototype as unknown as Record<string, unknown>, 'query', (_, args) => {
      const [q, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      return typeof q === 'string'
        ? { sql: q, params: values ?? [] }
        : { sql: q.text, params: q.values ?? values ?? [] };
    });
  } else {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const proto = Object.getPrototypeOf(new Database(':memory:').prepare('select 1'));
    for (const name of ['all', 'get', 'run', 'iterate'])
      wrap(proto, name, (self, args) => ({ sql: (self as { source: string }).source, params: args }));
  }
  try {
    await work();
  } finally {
    for (const u of undo.reverse()) u();
  }
  return seen;
}

/** The plan of every read of the outbox among `statements`. */
async function outboxReadPlans(w: TestWorld, statements: Statement[]): Promise<Array<{ sql: string; plan: string[] }>> {
  const reads = statements.filter((s) => /^\s*\(?select/i.test(s.sql) && s.sql.includes('from "outbox"'));
  const plans = [];
  for (const s of reads) plans.push({ sql: s.sql, plan: await queryPlan(w.deps.db, s) });
  return plans;
}

const SCOPES: Array<{ name: string; scope: OutboxScope; channel: MessageChannel; index: string }> = [
  {
    name: 'another community',
    scope: { vkGroupId: SMALL_GROUP },
    channel: 'message',
    index: 'outbox_community_due_idx',
  },
  {
    name: 'another app',
    scope: { vkAppId: OTHER_APP, configured: false },
    channel: 'notification',
    index: 'outbox_app_due_idx',
  },
  {
    name: 'the configured app',
    scope: { vkAppId: TEST_VK_APP_ID, configured: true },
    channel: 'notification',
    index: 'outbox_app_due_idx',
  },
];

describe('a sender run beside a big queue of another community (decision 093)', () => {
  for (const { name, scope, channel, index } of SCOPES) {
    it(`${name}: the next-due look and the claim read its own rows by ${index}, not the due index`, async () => {
      world = createTestWorld();
      const w = world;
      await fill(w);
      const now = w.clock.now;
      const looks = await statementsOf(() => outboxNextDueAt(w.deps.db, scope, [channel], 60_000));
      const claims = await statementsOf(() =>
        claimRequests(w.deps.db, { now, maxRequests: 20, leaseMs: 60_000, channels: [channel], scope }),
      );
      const plans = await outboxReadPlans(w, [...looks, ...claims]);
      // The look (queued rows, claimed rows) and the claim (lease ended, due) each read the outbox.
      expect(plans.length).toBeGreaterThanOrEqual(3);
      // Queued rows (due ones, the earliest) are where another's big queue lies: those reads go by the scope index.
      // Claimed rows are few (each run's window): PostgreSQL may take either index there, never a scan of the table.
      const queuedReads = plans.filter((p) => /"next_attempt_at" <=|min\("next_attempt_at"\)/.test(p.sql));
      expect(queuedReads.length).toBeGreaterThanOrEqual(2);
      for (const { sql: text, plan } of queuedReads) {
        const said = `${text}\n${plan.join('\n')}`;
        expect(usesIndex(plan, index), said).toBe(true);
        expect(usesIndex(plan, 'outbox_due_idx'), said).toBe(false);
      }
      for (const { sql: text, plan } of plans)
        expect(
          plan.filter((line) => /^SCAN outbox\b|Seq Scan on outbox/.test(line)),
          text,
        ).toEqual([]);
    });
  }

  for (const { name, scope, channel, index } of SCOPES) {
    it(`${name}: the count of what is left and the switched-off pass read its rows by ${index} (decision 106)`, async () => {
      world = createTestWorld();
      const w = world;
      await fill(w);
      const now = w.clock.now;
      const counts = await statementsOf(() => outboxRemaining(w.deps.db, scope, [channel]));
      const closes = await statementsOf(() =>
        closeSwitchedOffWaiting(w.deps.db, { scope, channel, now, leaseMs: 60_000 }),
      );
      const plans = await outboxReadPlans(w, [...counts, ...closes]);
      expect(plans.length).toBeGreaterThanOrEqual(2);
      for (const { sql: text, plan } of plans) {
        const said = `${text}\n${plan.join('\n')}`;
        // As above: rows claimed under an ended lease are few, and PostgreSQL may take either index for them; the
        // count and the queued rows, where another's big queue lies, go by the scope's index.
        if (!/"claimed_at" <=/.test(text)) {
          expect(usesIndex(plan, index), said).toBe(true);
          expect(usesIndex(plan, 'outbox_due_idx'), said).toBe(false);
        }
        expect(
          plan.filter((line) => /^SCAN outbox\b|Seq Scan on outbox/.test(line)),
          said,
        ).toEqual([]);
      }
    });
  }

  it('every scope still gets its own rows, and only those: the next-due moment and the claim', async () => {
    world = createTestWorld();
    const w = world;
    await fill(w);
    const later = w.clock.now + HOUR;
    const claimed = async (scope: OutboxScope, channel: MessageChannel) => {
      const requests = await claimRequests(w.deps.db, {
        now: later,
        maxRequests: 20,
        leaseMs: 60_000,
        channels: [channel],
        scope,
      });
      return requests.flatMap((r) => r.rows.map((row) => row.dedupeKey)).sort();
    };
    for (const { scope, channel } of SCOPES)
      expect(await outboxNextDueAt(w.deps.db, scope, [channel], 60_000)).toBe(later);
    expect(await claimed({ vkGroupId: SMALL_GROUP }, 'message')).toEqual(['small0', 'small1', 'small2']);
    expect(await claimed({ vkAppId: OTHER_APP, configured: false }, 'notification')).toEqual([
      'other0',
      'other1',
      'other2',
    ]);
    // Of the app with no VK id, and of no campaign (a reply): both the configured app's.
    expect(await claimed({ vkAppId: TEST_VK_APP_ID, configured: true }, 'notification')).toEqual([
      'configured0',
      'configured1',
      'configured2',
      'reply0',
      'reply1',
      'reply2',
    ]);
    // An app that is not the configured one has no rows of no app.
    expect(await claimed({ vkAppId: 53_000_001, configured: false }, 'notification')).toEqual([]);
  });
});
