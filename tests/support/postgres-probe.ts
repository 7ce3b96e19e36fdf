/**
 * Run as a child process with `DATABASE_URL` set (server/db/postgres-runtime.test.ts): what a PostgreSQL process sees
 * of server/db. Prints one JSON object of findings.
 * Usage: node --import tsx tests/support/postgres-probe.ts <scratch dir>  (PROBE_CLAIMS: concurrent code claims, default 40)
 */
import { join } from 'node:path';
import { and, count, eq, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { okSessionFirstSeen } from '../../server/auth/ok-session-age.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, schema } from '../../server/db/client.ts';
import { stageEvents } from '../../server/db/event-scan.ts';
import { closeDatabase, openDb } from '../../server/db/open-db.ts';
import { queryPlan } from '../../server/db/query-plan.ts';
import { takeFreeCode } from '../../server/db/take-free-code.ts';
import { changedRows, inTransaction, serializationRetries } from '../../server/db/transactions.ts';
import { previewSegment } from '../../server/mailing/broadcast.service.ts';
import { seedDemo } from '../../server/seed/demo-seed.ts';

const dir = process.argv[2] ?? '.';
const config = loadConfig({ ...process.env, DATABASE_PATH: join(dir, 'app.db'), NODE_ENV: 'development' });
const message = (run: () => unknown) => {
  try {
    run();
    return 'no error';
  } catch (err) {
    return (err as Error).message;
  }
};
const rejection = async (run: () => Promise<unknown>) =>
  run().then(
    () => 'no error',
    (err: Error) => `${err.message} ${(err.cause as Error | undefined)?.message ?? ''}`,
  );

const findings: Record<string, unknown> = { tablesArePostgres: is(schema.agencies, PgTable) };
findings.sqliteRefused = message(() => openDatabase(join(dir, 'other.db')));
const db = await openDb(config);
await seedDemo(db, config, Date.now());
const [tasks] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.slug, 'summer-tasks'));
const campaignId = tasks?.id ?? 0;

// Transactions: commit, a failed savepoint rolled back alone, the database refused inside its own transaction.
findings.nested = await inTransaction(db, async (tx) => {
  const [a] = await tx.insert(schema.agencies).values({ name: 'kept' }).returning({ id: schema.agencies.id });
  const inner = await rejection(() =>
    inTransaction(tx, async (sp) => {
      await sp.insert(schema.agencies).values({ name: 'rolled back' });
      throw new Error('savepoint fails');
    }),
  );
  const reentry = await rejection(() => inTransaction(db, async () => undefined));
  const renamed = changedRows(
    await tx
      .update(schema.agencies)
      .set({ name: 'kept!' })
      .where(eq(schema.agencies.id, a?.id ?? 0)),
  );
  return { inner, reentry, renamed };
});
findings.agencyNames = (await db.select({ name: schema.agencies.name }).from(schema.agencies))
  .map((r) => r.name)
  .sort();
findings.writeOutsideTransaction = await rejection(() => db.insert(schema.agencies).values({ name: 'loose' }));

// Code pools: concurrent claims each lock a different free code.
const [pool] = await db.select().from(schema.codePools).where(eq(schema.codePools.key, 'summer15'));
const now = Date.now();
const participantIds = await inTransaction(db, async (tx) =>
  (
    await tx
      .insert(schema.participants)
      .values(
        Array.from({ length: Number(process.env.PROBE_CLAIMS ?? 40) }, (_, i) => ({
          campaignId,
          platform: 'vk' as const,
          platformUserId: String(800_000 + i),
          stageReachedAt: now,
          referralCode: `probe${i}`,
          lastSeenAt: now,
        })),
      )
      .returning({ id: schema.participants.id })
  ).map((r) => r.id),
);
const retriesBefore = serializationRetries();
const taken = await Promise.all(
  participantIds.map((pid) => inTransaction(db, (tx) => takeFreeCode(tx, pool?.id ?? 0, pid, now))),
);
findings.codes = { taken: taken.filter(Boolean).length, distinct: new Set(taken.map((t) => t?.code)).size };
findings.claimRetries = serializationRetries() - retriesBefore;

// Domain SQL that was SQLite-only: the OK session upsert (two first launches at once), the consent join of a segment.
findings.okSessions = await Promise.all([
  okSessionFirstSeen(db, 'key', 'session', 5_000),
  okSessionFirstSeen(db, 'key', 'session', 6_000),
]);
const [community] = await db
  .select({ vkGroupId: schema.communities.vkGroupId })
  .from(schema.communities)
  .where(eq(schema.communities.id, tasks?.communityId ?? 0));
await inTransaction(db, (tx) =>
  tx.insert(schema.consents).values({
    vkGroupId: community?.vkGroupId ?? 0,
    vkUserId: 800_000,
    channel: 'message',
    allowed: true,
    source: 'probe',
    updatedAt: now,
  }),
);
const preview = await previewSegment(db, { campaignId }, 'message');
// Every VK participant of the campaign is in its audience (community messages reach VK users only): the probe's 40
// and the demo's generated history (server/seed/).
const [inCampaign] = await db
  .select({ n: count() })
  .from(schema.participants)
  .where(and(eq(schema.participants.campaignId, campaignId), eq(schema.participants.platform, 'vk')));
findings.segment = { total: preview.total, participants: inCampaign?.n ?? 0, withConsent: preview.withConsent };

// The funnel's event walk: chunks of 10,000 in (at, id) order, only the asked range.
await inTransaction(db, async (tx) => {
  for (let i = 0; i < 25_000; i += 1000) {
    await tx.insert(schema.events).values(
      Array.from({ length: 1000 }, (_, j) => ({
        campaignId,
        participantId: participantIds[(i + j) % participantIds.length] ?? null,
        type: 'probe',
        at: 1_000 + Math.floor((i + j) / 3),
      })),
    );
  }
});
const chunks: number[] = [];
let ordered = true;
let last = -1;
for await (const chunk of stageEvents(db, campaignId, 'probe', 1_000, 1_000 + 8_000)) {
  chunks.push(chunk.length);
  for (const [, at] of chunk) {
    if (at < last) ordered = false;
    last = at;
  }
}
findings.scan = { chunks, ordered, last };
findings.plan = await queryPlan(
  db,
  db.select().from(schema.participants).where(eq(schema.participants.campaignId, campaignId)).toSQL(),
);
await closeDatabase(db);
console.log(JSON.stringify(findings));
