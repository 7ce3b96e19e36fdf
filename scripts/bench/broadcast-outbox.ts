/**
 * The broadcast benches' database as the bot sees it, from a process of its own: run with the same `DATABASE_PATH`
 * or `DATABASE_URL` the sender processes get (a process takes its tables from `DATABASE_URL` at start, so the bench
 * runner, on SQLite's tables, cannot write a PostgreSQL database itself).
 * Usage: broadcast-outbox.ts seed <recipients> <text>   (consents and one outbox row per recipient)
 *        broadcast-outbox.ts sent                       (prints the number of rows sent)
 */
import { count, eq } from 'drizzle-orm';
import { loadConfig } from '../../server/config.ts';
import { schema } from '../../server/db/client.ts';
import { closeDatabase, openDb } from '../../server/db/open-db.ts';
import { draft, seedOutbox } from './broadcast-fixture.ts';

const [command, recipients = '0', text = ''] = process.argv.slice(2);
const config = loadConfig({ ...process.env, NODE_ENV: 'test', VK_APP_SECRET: 'bench' });
const db = await openDb(config);
try {
  if (command === 'seed') {
    await seedOutbox(
      db,
      Array.from({ length: Number(recipients) }, (_, i) => draft(i, text)),
    );
  } else if (command === 'sent') {
    const [sent] = await db.select({ n: count() }).from(schema.outbox).where(eq(schema.outbox.status, 'sent'));
    console.log(sent?.n ?? 0);
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await closeDatabase(db);
}
