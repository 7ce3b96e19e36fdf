/**
 * The agency brand page's writes (rename, a token replaced, a community or app connected). Each names the form it
 * came from, so its refusal is said next to that form; one refused because someone saved it meanwhile
 * (`saved_meanwhile`, decision 045) comes with the offer to load the saved version, what was typed kept to save again.
 * Before, the refusal and its offer sat at the top of the page, away from the form that was refused (found from
 * outside).
 */
import { useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { useApp } from '../../app-context.ts';
import { withReason } from '../../i18n-reason.ts';
import { agencyStrings } from '../i18n-agency.ts';
import { refusalText } from '../refusal-text.ts';
import type { AgencyBrand } from './agency-api.ts';

/** A refused write: the form it came from (`at`), what to say, and whether the saved version is on offer. */
export type BrandPageRefusal = { at: string; text: string; stale: boolean };

/**
 * @example const { act } = useBrandPageWrites(() => agency.brand(3)); await act('rename', () => agency.renameBrand(…));
 */
export function useBrandPageWrites(loadSaved: () => Promise<AgencyBrand>) {
  const { language } = useApp();
  const [fresh, setFresh] = useState<AgencyBrand | null>(null);
  const [refusal, setRefusal] = useState<BrandPageRefusal | null>(null);
  const failed = (e: unknown) => withReason(agencyStrings(language).error, refusalText(e, language));
  /** Runs the write of the form `at`; answers whether it landed. */
  const act = async (at: string, write: () => Promise<AgencyBrand>): Promise<boolean> => {
    setRefusal(null);
    try {
      setFresh(await write());
      return true;
    } catch (e) {
      const stale = e instanceof ApiRequestError && e.code === 'saved_meanwhile';
      // Saved meanwhile, the sentence is the whole story (no "Не получилось: пока вы…"), said over its offer.
      setRefusal({ at, stale, text: stale ? refusalText(e, language) : failed(e) });
      return false;
    }
  };
  const load = async () => {
    try {
      setFresh(await loadSaved());
      setRefusal(null);
    } catch (e) {
      // The offer stays where it was, to try again.
      setRefusal((was) => was && { ...was, text: failed(e) });
    }
  };
  return { fresh, refusal, act, loadSaved: load };
}
