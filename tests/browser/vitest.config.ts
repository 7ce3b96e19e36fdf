/**
 * Browser tests: real Debian Chromium through playwright-core, one file at a time (2-core machines). `npm start`'s
 * build runs once for the run (build-once.ts); each file's `startServerLikeReadme()` then starts the server step only.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['tests/browser/build-once.ts'],
    env: { PROMO_E2E_START: 'built' },
    pool: 'forks',
  },
});
