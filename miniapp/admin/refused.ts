/**
 * Whether a screen's load was refused by the server (no rights on it, or no such thing): the office then shows the
 * ordinary not-found screen, the same for both, so a screen tells nothing about what exists beyond the member's
 * rights. Any other failure is an error with a retry.
 */
import { ApiRequestError } from '../api/client.ts';
import type { AsyncState } from '../use-async.ts';

export function refused(state: AsyncState<unknown>): boolean {
  return state.status === 'error' && state.error instanceof ApiRequestError && [403, 404].includes(state.error.status);
}
