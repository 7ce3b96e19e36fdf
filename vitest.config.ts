/** Unit, integration and load tests (Node). Browser tests have their own config in tests/browser/. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{server,bot,scripts,miniapp,tests}/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/package/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
