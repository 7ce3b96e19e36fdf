/**
 * What a participant reads after Share on an offer: a copied link is said (desktop web without `navigator.share`
 * copies silently otherwise), a failure is said; the platform's own share sheet, or the user closing it, needs no word.
 */
import type { ActionResult } from '../../platform/types.ts';
import type { CatalogueMessages } from './i18n-catalogue.ts';

export function shareNotice(
  result: ActionResult,
  t: Pick<CatalogueMessages, 'offerLinkCopied' | 'offerShareFailed'>,
): string | null {
  if (result.status === 'done') return result.detail?.type === 'copied' ? t.offerLinkCopied : null;
  return result.status === 'denied' ? null : t.offerShareFailed;
}
