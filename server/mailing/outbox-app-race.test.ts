/**
 * Decision 106: a notification enqueued by a transaction that overlaps an app's VK id change (or its campaign's move
 * to another app) still ends with the app it will be sent for. PostgreSQL only, two real transactions on two
 * connections, one held open at a chosen point (SQLite runs one writer at a time, so the two never overlap there).
 * Both run SERIALIZABLE (transactions.ts), as every enqueue and both changes do: PostgreSQL fails one of the two at
 * COMMIT (the enqueue read the old app, the change missed the new row) and `inTransaction` runs it again. An enqueue
 * in a READ COMMITTED transaction (`explicitLocks`) would keep the old app: these tests go red that way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { openWorldDatabase, testsOnPostgres, type WorldDatabase } from '../../tests/support/world-database.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { enqueue } from './outbox.ts';
import { campaignsOfApp, outboxFollowsCampaignApp } from './outbox-app.ts';

const OLD_ID = 61_000_001;
const NEW_ID = 61_000_002;
const OTHER_ID = 61_000_003;

let world: WorldDatabase | undefined;
let dir: string | undefined;
afterEach(async () => {
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  world = undefined;
  dir = undefined;
});

async function seeded(): Promise<Db> {
  dir = mkdtempSync(join(tmpdir(), 'outbox-app-race-'));
  world = openWorldDatabase(dir);
  const { db } = world;
  await inTransaction(db, async (tx) => {
    await tx.insert(schema.agencies).values({ id: 1, name: 'A' });
    await tx.insert(schema.brands).values({ id: 1, agencyId: 1, name: 'B' });
    await tx.insert(schema.apps).values([
      { id: 1, brandId: 1, name: 'own', vkAppId: OLD_ID },
      { id: 2, brandId: 1, name: 'other', vkAppId: OTHER_ID },
    ]);
    await tx.insert(schema.communities).values({ id: 1, brandId: 1, vkGroupId: 500, name: 'C' });
    await tx.insert(schema.campaigns).values({
      id: 1,
      brandId: 1,
      appId: 1,
      communityId: 1,
      slug: 'k',
      title: 'K',
      mechanic: 'tasks',
      startsAt: 0,
      endsAt: 1,
    });
  });
  return db;
}

const notification = (key: string) => ({
  dedupeKey: key,
  kind: 'broadcast' as const,
  campaignId: 1,
  vkGroupId: 500,
  vkUserId: 42,
  channel: 'notification' as const,
  text: key,
});

/** A promise and the function that settles it: the point a transaction is held at. */
function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function appOfRow(db: Db, key: string): Promise<number | null> {
  const [row] = await db
    .select({ app: schema.outbox.vkAppId })
    .from(schema.outbox)
    .where(eq(schema.outbox.dedupeKey, key));
  return row?.app == null ? null : Number(row.app);
}

/** What `editApp` writes when the agency changes an app's VK id (agency-platforms.ts). */
async function changeVkId(tx: Db, appId: number, vkAppId: number): Promise<void> {
  await tx.update(schema.apps).set({ vkAppId }).where(eq(schema.apps.id, appId));
  await outboxFollowsCampaignApp(tx, campaignsOfApp(tx, appId));
}

/** What the editor's save writes when a campaign moves to another app (campaign-editing.ts). */
async function moveCampaign(tx: Db, campaignId: number, appId: number): Promise<void> {
  await tx.update(schema.campaigns).set({ appId }).where(eq(schema.campaigns.id, campaignId));
  await outboxFollowsCampaignApp(tx, [campaignId]);
}

type Change = (tx: Db) => Promise<void>;
const cases: Array<[string, Change, number]> = [
  ['the app changes its VK id', (tx) => changeVkId(tx, 1, NEW_ID), NEW_ID],
  ['the campaign moves to another app', (tx) => moveCampaign(tx, 1, 2), OTHER_ID],
];

for (const [what, change, expected] of cases) {
  it.skipIf(!testsOnPostgres())(`${what} while an enqueue is open: its row follows`, async () => {
    const db = await seeded();
    const inserted = gate();
    const release = gate();
    const enqueuing = inTransaction(db, async (tx) => {
      await enqueue(tx, [notification('held-enqueue')], 1);
      inserted.open();
      await release.opened;
    });
    await inserted.opened;
    // The change runs (and, not waiting for any lock, commits) while the enqueue's row is written but not committed.
    const changing = inTransaction(db, change);
    // Give the change time to run (or to wait for a lock the enqueue holds) before the enqueue commits.
    await Promise.race([changing, new Promise((r) => setTimeout(r, 300))]);
    release.open();
    await Promise.all([enqueuing, changing]);
    expect(await appOfRow(db, 'held-enqueue')).toBe(expected);
  });

  it.skipIf(!testsOnPostgres())(`${what}, held open while an enqueue commits: its row follows`, async () => {
    const db = await seeded();
    const changed = gate();
    const release = gate();
    const changing = inTransaction(db, async (tx) => {
      await change(tx);
      changed.open();
      await release.opened;
    });
    await changed.opened;
    const enqueuing = inTransaction(db, async (tx) => {
      await enqueue(tx, [notification('held-change')], 1);
    });
    await Promise.race([enqueuing, new Promise((r) => setTimeout(r, 300))]);
    release.open();
    await Promise.all([enqueuing, changing]);
    expect(await appOfRow(db, 'held-change')).toBe(expected);
  });
}
