/**
 * vitest globalSetup of the browser suite: `npm start`'s build steps once per run, so each file starts only the
 * server step on that build (tests/support/readme-start.ts; `startServerLikeReadme` reads PROMO_E2E_START).
 */
import { buildLikeReadme } from '../support/readme-start.ts';

export default function setup(): void {
  buildLikeReadme();
}
