/**
 * @module The database writer: where the participant writes that must be fast run (today: reward claims).
 * Two forms behind one interface:
 * - `threadWriter`: a worker thread with its own SQLite connection (writer-thread.ts). The HTTP thread keeps parsing,
 *   verifying and answering while the writer runs SQLite, so on a multi-core machine the two overlap
 *   (docs/decisions/008-writer-thread.md). Used by the server (`start-server.ts`) and the benchmarks.
 * - `inlineWriter`: the same calls on the caller's connection through the in-thread group commit; what in-process
 *   tests get when they build `Deps` without a writer.
 * Either way a call's writes are committed before its promise settles, and each call is atomic (`commitTogether`).
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { writesOf } from '../db/write-batch.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { runWriteOp, type WriteOpArgs, type WriteOpName, type WriteOutcome } from './write-ops.ts';
import type { WriteCall, WriteReply, WriterThreadData } from './writer-protocol.ts';

export interface DbWriter {
  /** Runs `op` with the request's time `at`; settles after the commit. */
  run<K extends WriteOpName>(op: K, args: WriteOpArgs<K>, at: number): Promise<WriteOutcome<K>>;
  /** Finishes the calls in flight, then releases the thread (if any). */
  close(): Promise<void>;
}

export function inlineWriter(deps: Pick<Deps, 'db' | 'config'>): DbWriter {
  return {
    run: (op, args, at) => writesOf(deps.db).run(() => runWriteOp({ ...deps, now: () => at }, op, args)),
    close: async () => {},
  };
}

const inlineWriters = new WeakMap<object, DbWriter>();

/** The writer of these deps: the one they were given, or an inline writer on their connection. */
export function writerOf(deps: Deps): DbWriter {
  if (deps.writer) return deps.writer;
  let writer = inlineWriters.get(deps);
  if (!writer) {
    writer = inlineWriter(deps);
    inlineWriters.set(deps, writer);
  }
  return writer;
}

interface Waiting {
  resolve: (outcome: WriteOutcome<WriteOpName>) => void;
  reject: (error: unknown) => void;
}

/** Calls per message when requests arrive in a burst (measured: 4–8 beat both 1 and whole turns). */
const HAND_OVER_EVERY = 4;

const BOOT = new URL('./writer-boot.mjs', import.meta.url);
const ENTRY = new URL(`./writer-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

export interface ThreadWriter extends DbWriter {
  /** The running thread, if one has started (tests stop it to see callers get a 503 and the next call a new one). */
  readonly thread: Worker | undefined;
}

/** The writer thread for `config.DATABASE_PATH` (started on first use, restarted on the next call if it dies). */
export function threadWriter(config: Config): ThreadWriter {
  let worker: Worker | undefined;
  let nextId = 0;
  let queue: WriteCall[] = [];
  let scheduled = false;
  const waiting = new Map<number, Waiting>();
  let drained: (() => void) | undefined;

  const settle = (reply: WriteReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if ('outcome' in reply) w.resolve(reply.outcome);
    else w.reject(Object.assign(new Error(`database writer: ${reply.failure.message}`), { cause: reply.failure }));
    if (waiting.size === 0) drained?.();
  };

  const start = () => {
    const data: WriterThreadData = { entry: ENTRY, databasePath: config.DATABASE_PATH, config };
    const w = new Worker(BOOT, { workerData: data });
    w.on('message', (replies: string) => {
      for (const reply of JSON.parse(replies) as WriteReply[]) settle(reply);
    });
    w.on('error', (error) => console.error('database writer thread failed:', error));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      // Whether these committed is unknown: a 503 tells the client to retry, and every op is idempotent.
      const lost = new ApiError(503, 'writer_unavailable', 'The server could not finish this write; try again');
      for (const [id, pending] of waiting) {
        waiting.delete(id);
        pending.reject(lost);
      }
      drained?.();
    });
    return w;
  };

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const calls = queue;
    queue = [];
    worker ??= start();
    worker.postMessage(JSON.stringify(calls));
  };

  return {
    get thread() {
      return worker;
    },
    run(op, args, at) {
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve: resolve as Waiting['resolve'], reject });
        queue.push({ id, op, args, at });
        // Hand calls over a few at a time rather than all at the end of the event-loop turn, so the writer starts on
        // them while this thread is still parsing and verifying the rest (the two overlap instead of taking turns).
        if (queue.length >= HAND_OVER_EVERY) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      if (waiting.size > 0) await new Promise<void>((resolve) => (drained = resolve));
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
