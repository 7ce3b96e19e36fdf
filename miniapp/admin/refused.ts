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

/**
 * What a screen shows a brand member who lacks the section it works in, before asking anything: the refusal the
 * server gives every call of that section (permissions.ts: 403 `forbidden`), so the screen says «No access» at once
 * instead of offering a picker or buttons each of which the server would refuse. Drawn by LoadStateScreen.
 * @example if (!brand.sections.includes('mailings')) return <LoadStateScreen state={withoutSection('mailings')} />;
 */
export function withoutSection(section: string): AsyncState<never> {
  return {
    status: 'error',
    error: new ApiRequestError(403, 'forbidden', `No ${section} rights for this brand`),
    retry: () => {},
  };
}

/**
 * What an agency page shows someone without the agency role it needs (a brand's own people on the agency's brands
 * and team; anyone but the owner on its white label): the server refuses its calls (403), and the page says in the
 * office's words that it is the agency's, not «Not found» as if there were no such page. Drawn by LoadStateScreen.
 * @example if (!manageable) return <LoadStateScreen state={withoutAgencyRole('agency')} title={s.title} />;
 */
export function withoutAgencyRole(needs: 'agency' | 'owner'): AsyncState<never> {
  return {
    status: 'error',
    error:
      needs === 'owner'
        ? new ApiRequestError(403, 'agency_owner_only', 'Only the agency owner opens this page')
        : new ApiRequestError(403, 'agency_only', 'Only the agency (its owner and managers) opens this page'),
    retry: () => {},
  };
}
