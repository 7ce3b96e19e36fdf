/** Packaging suite: real Vite builds and Debian Chromium, one file at a time (2-core machines). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 480_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
