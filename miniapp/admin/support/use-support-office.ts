/** The support section's services: strings, the brand from the route, its API client. Office chunk only. */
import { useMemo } from 'react';
import { useApp } from '../../app-context.ts';
import { useRouteId } from '../../use-route-id.ts';
import { supportOfficeStrings } from '../i18n-support.ts';
import { supportOfficeApi } from './support-api.ts';

export function useSupportOffice() {
  const { api, language } = useApp();
  // Kept while a panel animates away: the route has changed by then, and the inbox, the thread and the library asked
  // the server for brand and request `NaN` as the manager left them (three 422s in the console).
  const brandId = useRouteId('brandId') ?? Number.NaN;
  const ticketId = useRouteId('ticketId') ?? Number.NaN;
  return useMemo(
    () => ({
      s: supportOfficeStrings(language),
      language,
      brandId,
      ticketId,
      support: supportOfficeApi(api, brandId),
    }),
    [api, language, brandId, ticketId],
  );
}
