/**
 * `npm run bot` exactly as README and docs/bot.md give it, configured by environment variables only: what it says
 * when credentials are missing (item 18), and `--once` finishing what a killed run left claimed (item 1).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue } from '../../server/mailing/outbox.ts';
import { exitWithin, killStartedBots, npmRunBot } from './bot-process.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  killStartedBots();
  await world?.shutdown();
  world = undefined;
});

describe('npm run bot', () => {
  for (const args of [[], ['--long-poll']]) {
    it(`item 18: \`npm run bot${args.length ? ` -- ${args.join(' ')}` : ''}\` without credentials lists every missing variable and the doc`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bot-cmd-'));
      const bot = npmRunBot({ DATABASE_PATH: join(dir, 'app.db') }, args);
      expect(await exitWithin(bot, 20_000)).toBe(1);
      const out = bot.output();
      expect(out).toMatch(/VK_GROUP_ID/);
      expect(out).toMatch(/VK_GROUP_TOKEN/);
      expect(out).toMatch(/docs\/bot\.md/);
      // A message for a person, not a crash: no stack frames.
      expect(out).not.toMatch(/^\s+at /m);
    }, 30_000);
  }

  it('item 1: `npm run bot -- --once` re-sends a row a killed run left claimed (OUTBOX_LEASE_MS default) and exits', async () => {
    world = await createMessagingWorld();
    const w = world;
    await w.addParticipants({ count: 3, firstUserId: 7_000_000 });
    // What a run killed two minutes ago leaves: one row claimed (status `sending`) and never answered.
    const claimedLongAgo = Date.now() - 120_000;
    await inTransaction(w.deps.db, async (tx) => {
      await enqueue(
        tx,
        [0, 1, 2].map((i) => ({
          dedupeKey: `left:${i}`,
          kind: 'broadcast' as const,
          vkGroupId: GROUP_ID,
          vkUserId: 7_000_000 + i,
          channel: 'message' as const,
          text: `Сообщение ${i}`,
        })),
        w.clock.now,
      );
      await tx
        .update(schema.outbox)
        .set({ status: 'sending', claimedAt: claimedLongAgo, attempts: 1 })
        .where(eq(schema.outbox.dedupeKey, 'left:0'));
    });
    const bot = npmRunBot(
      {
        ...w.databaseEnv,
        VK_GROUP_ID: String(GROUP_ID),
        VK_GROUP_TOKEN: `group:${GROUP_ID}`,
        VK_API_BASE_URL: w.fake.url,
      },
      ['--once', '--quiet'],
    );
    expect(await exitWithin(bot, 25_000), bot.output()).toBe(0);
    const statuses = await w.deps.db.select({ status: schema.outbox.status }).from(schema.outbox);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'sent', 'sent']);
    expect(w.fake.delivered.map((d) => d.peerId).sort()).toEqual([7_000_000, 7_000_001, 7_000_002]);
  }, 40_000);
});
