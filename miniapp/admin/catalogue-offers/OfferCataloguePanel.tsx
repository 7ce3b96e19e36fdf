/**
 * The office's offer catalogue of one campaign (`#/admin/campaign/:id/offers`, section `campaigns`): upload a YML
 * feed or a CSV, see the import report (counts, then each skipped offer by line or id with the reason), and the offers
 * with their status today. Uploading again updates in place. Lazy: never in the participant's bundle. The server
 * checks the right on every call; a refusal to open shows as the not-found screen.
 */

import { useMemo, useState } from 'react';
import { useApp } from '../../app-context.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { FeedUpload } from './FeedUpload.tsx';
import { offersOfficeMessages } from './i18n-offers-office.ts';
import { OfficeOfferList } from './OfficeOfferList.tsx';
import { type OfficeCatalogue, offersOfficeApi } from './offers-office-api.ts';

export default function OfferCataloguePanel() {
  const { api, language } = useApp();
  const t = offersOfficeMessages[language];
  const campaignId = useRouteId();
  const offersApi = useMemo(() => offersOfficeApi(api, campaignId ?? 0), [api, campaignId]);
  const state = useAsync(() => offersApi.list(), [offersApi], campaignId !== undefined);
  // Refreshed in place after an import, so the report stays on screen above the new list.
  const [fresh, setFresh] = useState<OfficeCatalogue | null>(null);
  const reload = () => void offersApi.list().then(setFresh, () => {});
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{t.title}</PanelHeaderWithBack>
      <LoadState state={state}>
        {(loaded) => (
          <>
            <FeedUpload api={offersApi} t={t} onImported={reload} />
            <OfficeOfferList catalogue={fresh ?? loaded} t={t} language={language} />
          </>
        )}
      </LoadState>
    </>
  );
}
