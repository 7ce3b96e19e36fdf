/**
 * @module A test's own world, closed once when that test ends. A file whose tests share `let w` and close it in
 * `afterEach` closed the previous test's world again after every test that makes none (one that only parses): on
 * PostgreSQL each such close logged "Called end on pool more than once".
 */
import { onTestFinished } from 'vitest';

/**
 * Closes `world` when the current test ends, and gives it back.
 * @example w = closedAfterTest(await createPromoWorld());
 */
export function closedAfterTest<W extends { close(): void }>(world: W): W {
  onTestFinished(() => world.close());
  return world;
}
