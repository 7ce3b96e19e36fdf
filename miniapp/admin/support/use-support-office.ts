/** The support section's services: strings, the brand from the route, its API client. Office chunk only. */
import { useMemo } from 'react';
import { useApp } from '../../app-context.ts';
import { useParams } from '../../routes.ts';
import { supportOfficeStrings } from '../i18n-support.ts';
import { supportOfficeApi } from './support-api.ts';

export function useSupportOffice() {
  const { api, language } = useApp();
  const params = useParams<'brandId' | 'ticketId'>();
  const brandId = Number(params?.brandId);
  const ticketId = Number(params?.ticketId);
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
