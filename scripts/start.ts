/**
 * @module `npm start` (after the build) and `npm run dev`'s API: the composition root of the server process. The
 * server receives VK community updates and the bot handles them in the same process; this entry, which may know
 * both, hands the bot to the server, so `server/` never imports `bot/` (docs/decisions/019-composition-root.md).
 */
import { botFor } from '../bot/bot.ts';
import { startServer } from '../server/start-server.ts';

// A start that fails (database unreachable, migration refused) is said in one line and exits non-zero, rather than as
// an unhandled rejection's stack.
startServer({ updates: botFor }).catch((err: unknown) => {
  console.error('server: could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
