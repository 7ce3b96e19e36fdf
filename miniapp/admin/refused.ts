/**
 * Whether a load was refused by the server (no rights on it, or no such thing), as against a failure a retry may
 * mend. A screen does not turn a refusal into the generic not-found: its LoadState says it in the office's words
 * under the screen's own header (OfficeWording.tsx), with a way to the office's home instead of Retry. The
 * statistics page, whose sections load apart, uses this to show the first section's refusal for the whole page.
 */
import { ApiRequestError } from '../api/client.ts';
import type { AsyncState } from '../use-async.ts';

export function refused(state: AsyncState<unknown>): boolean {
  return state.status === 'error' && state.error instanceof ApiRequestError && [403, 404].includes(state.error.status);
}
