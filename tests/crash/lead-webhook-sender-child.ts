/** A CRM webhook sender process for the kill -9 test: configured by the environment, short lease, polls fast. */
import { loadConfig } from '../../server/config.ts';
import { openDb } from '../../server/db/open-db.ts';
import { runLeadWebhooks } from '../../server/leads/webhook-sender.ts';

const config = loadConfig(process.env);
const db = await openDb(config);
console.error('webhook sender: ready');
await runLeadWebhooks(
  { db, config, now: Date.now },
  {
    pollMs: 100,
    policy: { leaseMs: 3_000, timeoutMs: 60_000, maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 1_000, batch: 10 },
    log: (line) => console.error(line),
  },
);
