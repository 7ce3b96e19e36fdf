/**
 * @module WAL checkpoints off the request path. SQLite's default is that the connection whose COMMIT takes the WAL past
 * 1,000 pages copies them back into the database file (and fsyncs it) before that COMMIT returns, so one request in
 * every few hundred pays for everybody's writes. A checkpoint does not need the write lock, so a thread of its own can
 * run it while requests keep committing: `startCheckpointer` copies the WAL back every few milliseconds (PASSIVE: it
 * never waits for or blocks a writer), and the server's connections raise their own threshold to
 * `BACKSTOP_CHECKPOINT_PAGES`, which then only catches what the last background pass had not reached yet (and bounds
 * the WAL if the thread is gone). Passes are paced by how fast the WAL grows (every 25 ms under heavy writes, once a
 * second under light ones, none while nothing is committed): each pass that empties the WAL makes the next COMMIT sync
 * the WAL's new header, which at one pass per commit was 160 µs of a 14 µs commit here and would be milliseconds on a
 * slow disk. Durability is unchanged: a commit is in the WAL, as before, when it returns.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** WAL pages after which a server connection checkpoints in its own COMMIT (SQLite's default is 1,000). */
export const BACKSTOP_CHECKPOINT_PAGES = 4000;

/** The shortest pause between passes; at full claim load the WAL grows by a few hundred pages in this time. */
const EVERY_MS = 25;
/** The longest pause between passes (light writes, or none). */
const SLOWEST_MS = 1000;
/** WAL pages a pass aims to copy (1 MB): far below the backstop, a few times what one batch of claims writes. */
const TARGET_FRAMES = 256;

// Plain CommonJS run with `eval`: the thread needs only the driver, not the app's TypeScript modules or a loader.
const SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
// Changes whenever another connection has committed: nothing new, no pass, and the next look comes later.
const version = db.prepare('PRAGMA data_version').pluck();
let seen;
let delay = workerData.everyMs;
let timer;
const pass = () => {
  const now = version.get();
  if (now === seen) delay = Math.min(delay * 2, workerData.slowestMs);
  else {
    seen = now;
    const { log } = checkpoint.get();
    // Paced to copy about targetFrames a pass: each pass lets the next COMMIT start the WAL over, and that COMMIT
    // syncs the WAL's new header on the request's thread, so light writes get a pass a second, heavy ones every 25 ms.
    const paced = (delay * workerData.targetFrames) / Math.max(log, 1);
    delay = Math.round(Math.min(Math.max(paced, workerData.everyMs), workerData.slowestMs));
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
    workerData: { driver, path, everyMs, slowestMs: Math.max(everyMs, SLOWEST_MS), targetFrames: TARGET_FRAMES },
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
