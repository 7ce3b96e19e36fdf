/** @module The messages between the database writer (db-writer.ts) and its thread (writer-thread.ts). */
import type { Config } from '../config.ts';
import type { WriteOpArgs, WriteOpName, WriteOutcome } from './write-ops.ts';

export interface WriterThreadData {
  /** The module the boot file imports (writer-thread.ts). */
  entry: string;
  databasePath: string;
  config: Config;
}

export interface WriteCall<K extends WriteOpName = WriteOpName> {
  id: number;
  op: K;
  args: WriteOpArgs<K>;
  /** The request's time (the caller's clock) in milliseconds since the epoch. */
  at: number;
}

/** One answer per call, sent only after the transaction holding the call's writes has committed. */
export type WriteReply =
  | { id: number; outcome: WriteOutcome<WriteOpName> }
  | { id: number; failure: { message: string; stack?: string } };
