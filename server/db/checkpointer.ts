/**
 * @module WAL checkpoints off the request path. SQLite's default is that the connection whose COMMIT takes the WAL past
 * 1,000 pages copies them back into the database file (and fsyncs it) before that COMMIT returns, so one request in
 * every few hundred pays for everybody's writes. A checkpoint does not need the write lock, so a thread of its own can
 * run it while requests keep committing: `startCheckpointer` copies the WAL back every few milliseconds (PASSIVE: it
 * never waits for or blocks a writer), and the server's connections raise their own threshold to
 * `BACKSTOP_CHECKPOINT_PAGES`, which then only catches what the last background pass had not reached yet (and bounds
 * the WAL if the thread is gone). A pass copies only when something was committed since the last one, and passes
 * thin out while nothing is. Durability is unchanged: a commit is in the WAL, as before, when it returns.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** WAL pages after which a server connection checkpoints in its own COMMIT (SQLite's default is 1,000). */
export const BACKSTOP_CHECKPOINT_PAGES = 4000;

/** How often the background pass runs; at full claim load the WAL grows by a few hundred pages in this time. */
const EVERY_MS = 25;
/** The longest pause between passes while nothing is committed. */
const IDLE_MS = 400;

// Plain CommonJS run with `eval`: the thread needs only the driver, not the app's TypeScript modules or a loader.
const SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
// Changes whenever another connection has committed. While nothing is, the passes thin out (each wake-up of the thread
// costs CPU too: an idle server's thread took 1 % of a core at 40 passes a second); the first commit brings them back.
const version = db.prepare('PRAGMA data_version').pluck();
let seen;
let delay = workerData.everyMs;
let timer;
const pass = () => {
  const now = version.get();
  if (now === seen) delay = Math.min(delay * 2, workerData.idleMs);
  else {
    seen = now;
    checkpoint.get();
    delay = workerData.everyMs;
  }
  timer = setTimeout(pass, delay);
};
timer = setTimeout(pass, delay);
parentPort.on('message', () => { clearTimeout(timer); checkpoint.get(); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  /** Runs a last pass and stops the thread. */
  stop(): Promise<void>;
}

/**
 * Starts the background checkpoints for the database file at `path` (which must exist, in WAL mode).
 * @example const checkpointer = startCheckpointer(config.DATABASE_PATH); … await checkpointer.stop();
 */
export function startCheckpointer(path: string, everyMs = EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { driver, path, everyMs, idleMs: Math.max(everyMs, IDLE_MS) },
  });
  worker.on('error', (error) => console.error('WAL checkpointer stopped; connections checkpoint themselves:', error));
  // The thread alone must not keep the process alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Held while it finishes: a script whose last step is `await closeDatabase(db)` would otherwise see its event
      // loop empty, and Node ends it with exit code 13 (unsettled top-level await) before the last pass ran.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
