/**
 * The catalogue of ready mechanics: a card per template with what it is for, its mechanic and legal type, and a
 * small live preview of the participant's screen; "Use" makes a draft for the brand and opens it in the editor.
 * A member of the working brand without `campaigns` (the office's home offers them no "New campaign") is told «No
 * access» at once, as the server would answer every "Use". With no brand at all (an agency owner before their first
 * one, the address typed) there is nothing to make a draft for: the cards are shown without "Use", and a line says
 * why and where a brand is made. A brand with no VK app yet (a new one) has the cards with «Use» switched off and a
 * banner saying why, with the way to the brand's page where one is connected (BrandWithoutAppBanner.tsx). The server
 * still refuses such a draft (an app removed since the office was asked): its snackbar offers the brand's page too.
 */
import { Button, CardGrid, Group, Placeholder, Snackbar } from '@vkontakte/vkui';
import { useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { composeKey } from '../../api/client-key.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { refusalText } from '../refusal-text.ts';
import { withoutSection } from '../refused.ts';
import { forgetOfficeAccess, useBrand, useOffice } from '../use-office.ts';
import { BrandWithoutAppBanner } from './BrandWithoutAppBanner.tsx';
import { TemplateCard } from './TemplateCard.tsx';

/** A refused «Use»: what to say, and whether the way out is the brand's page (no app: it is connected there). */
type Failure = { text: string; toBrandPage: boolean };

export function Catalogue({ office }: { office: Office }) {
  const services = useOffice();
  const { t, office: api, language } = services;
  const navigator = useRouteNavigator();
  const [brand] = useBrand(office);
  const mayCreate = brand === undefined || brand.sections.includes('campaigns');
  const managesAgency = office.agencies?.some((a) => a.canManage) === true;
  const templates = useAsync(() => api.templates(), [api], mayCreate);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Absent from an older server: taken as having one, and «Use» finds out.
  const withoutApp = brand?.hasApp === false;
  // One key per choice: a double click or a retry after a lost answer makes one draft (server: draft-keys.ts).
  const [keys] = useState(() => composeKey());
  const use = async (templateKey: string) => {
    if (!brand) return;
    setBusy(templateKey);
    try {
      const choice = { brandId: brand.id, templateKey };
      const draft = await api.create({ ...choice, clientKey: keys.keyFor(JSON.stringify(choice)) });
      keys.sent();
      navigator.replace(paths.adminCampaign(draft.id));
    } catch (err) {
      const noApp = err instanceof ApiRequestError && err.code === 'brand_without_app';
      // The office answer said the brand had an app (an app removed since): the next screen asks afresh.
      if (noApp) forgetOfficeAccess(services);
      setFailure({ text: refusalText(err, language), toBrandPage: noApp && brand.canManage === true });
    } finally {
      setBusy(null);
    }
  };
  if (!mayCreate) return <LoadStateScreen state={withoutSection('campaigns')} title={t.catalogue} />;
  // One card per row (`size="l"`): a thumbnail beside its text needs the width; two per row crushed the text on phones.
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{t.catalogue}</PanelHeaderWithBack>
      <Group description={brand ? t.catalogueText : undefined}>
        {!brand && (
          <InsetBanner
            mode="tint"
            title={t.catalogueNoBrand}
            subtitle={managesAgency ? t.catalogueNoBrandAgency : undefined}
            data-testid="office-catalogue-no-brand"
            actions={
              managesAgency && (
                <Button size="m" mode="primary" onClick={() => navigator.push(paths.adminAgency())}>
                  {t.nav_agency}
                </Button>
              )
            }
          />
        )}
        {brand && withoutApp && <BrandWithoutAppBanner office={office} brand={brand} />}
        <LoadState state={templates}>
          {(list) =>
            list.length === 0 ? (
              <Placeholder title={t.catalogue} />
            ) : (
              <CardGrid size="l">
                {list.map((tpl) => (
                  <TemplateCard
                    key={tpl.key}
                    template={tpl}
                    action={
                      brand && (
                        <Button
                          size="m"
                          stretched
                          loading={busy === tpl.key}
                          disabled={busy !== null || withoutApp}
                          onClick={() => void use(tpl.key)}
                          data-testid={`office-use-${tpl.key}`}
                        >
                          {t.use}
                        </Button>
                      )
                    }
                  />
                ))}
              </CardGrid>
            )
          }
        </LoadState>
      </Group>
      {failure && (
        <Snackbar
          onClosed={() => setFailure(null)}
          // Long enough to read the reason and take the way out; it stays while touched or focused too.
          duration={failure.toBrandPage ? 10_000 : undefined}
          action={failure.toBrandPage ? t.brandPage : undefined}
          onActionClick={() => brand && navigator.push(paths.adminAgencyBrand(brand.id))}
          data-testid="office-use-refused"
        >
          {failure.text}
        </Snackbar>
      )}
    </>
  );
}
