/**
 * Over the catalogue of a brand with no VK app yet (a new brand): a campaign runs in an app, so «Use» waits for one
 * (the server refuses a draft without it: `brand_without_app`). Said before the tap, with the way to the brand's page
 * under Agency where the app is connected for a member who may open it; anyone else is told whom to ask.
 */
import { Button } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import type { Office } from '../office-api.ts';
import { useOffice } from '../use-office.ts';

type Brand = Office['brands'][number];

export function BrandWithoutAppBanner({ office, brand }: { office: Office; brand: Brand }) {
  const { t } = useOffice();
  const navigator = useRouteNavigator();
  const agency = office.agencies?.find((a) => a.id === brand.agencyId);
  const whomToAsk = agency ? fill(t.catalogueNoAppAsk, { agency: agency.name }) : t.catalogueNoAppAskAnyAgency;
  return (
    <InsetBanner
      mode="tint"
      title={t.catalogueNoApp}
      subtitle={brand.canManage ? t.catalogueNoAppManage : whomToAsk}
      data-testid="office-catalogue-no-app"
      actions={
        brand.canManage && (
          <Button size="m" mode="primary" onClick={() => navigator.push(paths.adminAgencyBrand(brand.id))}>
            {t.brandPage}
          </Button>
        )
      }
    />
  );
}
