/**
 * @module The database writer's thread: its own connection to the same SQLite file, taking batches of write calls
 * and committing each batch in one transaction (each call atomic, `commitTogether`), then answering. Calls
 * that queued up while a batch was running are drained into the next one, so a busy writer commits more per COMMIT.
 * Messages are JSON text: for these small plain objects that is cheaper than the structured clone on both sides.
 */
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { BACKSTOP_CHECKPOINT_PAGES } from '../db/checkpointer.ts';
import { openDatabase } from '../db/client.ts';
import { commitTogether } from '../db/write-batch.ts';
import { runWriteOp, type WriteOpName, type WriteOutcome } from './write-ops.ts';
import type { WriteCall, WriteReply, WriterThreadData } from './writer-protocol.ts';

/**
 * Calls committed together at most. Larger batches amortise the COMMIT further but hold every caller of the batch until
 * it ends, and the HTTP thread then idles waiting; 16 beat 64 in paired runs of the claim benchmark.
 */
const MOST_CALLS_PER_BATCH = 16;

const { databasePath, config } = workerData as WriterThreadData;
// The server runs WAL checkpoints on a thread of their own (checkpointer.ts); this connection's are the backstop.
const db = openDatabase(databasePath, { checkpointPages: BACKSTOP_CHECKPOINT_PAGES });
const port = parentPort as MessagePort;

function handle(first: string): void {
  let calls = JSON.parse(first) as WriteCall[];
  while (calls.length < MOST_CALLS_PER_BATCH) {
    const more = receiveMessageOnPort(port);
    if (!more) break;
    calls = calls.concat(JSON.parse(more.message as string) as WriteCall[]);
  }
  let replies: WriteReply[];
  try {
    const outcomes = commitTogether(
      db,
      calls.map((call) => () => runWriteOp({ db, config, now: () => call.at }, call.op, call.args)),
    );
    replies = calls.map((call, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) return { id: call.id, outcome: outcome.value as WriteOutcome<WriteOpName> };
      return { id: call.id, failure: describe(outcome?.error) };
    });
  } catch (error) {
    replies = calls.map((call) => ({ id: call.id, failure: describe(error) }));
  }
  port.postMessage(JSON.stringify(replies));
}

function describe(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

port.on('message', handle);
