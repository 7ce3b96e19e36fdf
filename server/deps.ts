/** @module What services are given instead of reaching for globals, so tests can hand in their own. */
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now: () => number;
}
