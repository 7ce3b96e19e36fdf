/**
 * The office's first screen: the brand being worked on (a picker when the member has several), its campaigns with
 * status, dates in the campaign's time zone, revision and code stock, and "New campaign" → the catalogue. Only
 * the sections the member may open are shown and linked (OfficeNavigation); a campaign opens its editor, or for a
 * member who may not edit it, its page of the sections they hold (campaign-links.ts). With no brand at all (an agency
 * owner before their first) there is no list to load: a placeholder says a brand comes first and opens Agency, and the
 * header says the agency's office (a «brand office» with no brand said nothing true).
 */
import { Icon28AddOutline } from '@vkontakte/icons';
import { Button, FormItem, Group, Header, Placeholder, Select } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { BrandedHeader, useAgencyBranding } from '../agency/AgencyBranding.tsx';
import type { CampaignListItem, Office } from '../office-api.ts';
import { useBrand, useOffice } from '../use-office.ts';
import { CampaignCell } from './CampaignCell.tsx';
import { campaignEntry } from './campaign-links.ts';
import { OfficeNavigation } from './OfficeNavigation.tsx';

export function OfficeHome({ office }: { office: Office }) {
  const { t, office: api } = useOffice();
  const navigator = useRouteNavigator();
  const [brand, selectBrand] = useBrand(office);
  const branding = useAgencyBranding(office, brand);
  const mayEditCampaigns = brand?.sections.includes('campaigns') ?? false;
  const managesAgency = office.agencies?.some((a) => a.canManage) === true;
  // The editor for a member with `campaigns`; for any other, the campaign's page of the sections they hold.
  const entryOf = (c: CampaignListItem) => {
    if (!brand) return undefined;
    const to = campaignEntry({ ...c, brandId: brand.id }, brand.sections);
    return to === undefined ? undefined : () => navigator.push(to);
  };
  const list = useAsync(() => api.campaigns(brand?.id ?? 0), [api, brand?.id], brand !== undefined);
  return (
    <>
      {/* With no brand there is no brand's office yet: the member is here for Agency alone. */}
      <BrandedHeader
        branding={branding}
        title={brand ? t.office : t.officeAgency}
        back={{ label: t.back, onClick: () => navigator.back() }}
      />
      {office.brands.length > 1 && (
        <Group>
          <FormItem top={t.brand} htmlFor="office-brand">
            <Select
              id="office-brand"
              data-testid="office-brand"
              value={String(brand?.id)}
              options={office.brands.map((b) => ({ value: String(b.id), label: b.name }))}
              onChange={(e) => selectBrand(Number(e.target.value))}
            />
          </FormItem>
        </Group>
      )}
      <OfficeNavigation office={office} brand={brand} />
      <Group
        header={
          <Header
            after={
              mayEditCampaigns && (
                <Button
                  mode="link"
                  before={<Icon28AddOutline width={20} height={20} />}
                  onClick={() => navigator.push(paths.adminCatalogue())}
                  data-testid="office-new-campaign"
                >
                  {t.newCampaign}
                </Button>
              )
            }
          >
            {t.campaigns}
          </Header>
        }
      >
        {brand ? (
          <LoadState state={list}>
            {(campaigns) =>
              campaigns.length === 0 ? (
                <Placeholder title={t.noCampaigns}>{t.noCampaignsText}</Placeholder>
              ) : (
                campaigns.map((c) => <CampaignCell key={c.id} campaign={c} onClick={entryOf(c)} />)
              )
            }
          </LoadState>
        ) : (
          // No brand, no campaigns to load: the list would say «Loading…» for ever. Say where a brand comes from.
          <Placeholder
            title={t.officeNoBrand}
            data-testid="office-home-no-brand"
            action={
              managesAgency && (
                <Button size="m" mode="primary" onClick={() => navigator.push(paths.adminAgency())}>
                  {t.nav_agency}
                </Button>
              )
            }
          >
            {managesAgency ? t.officeNoBrandAgency : t.officeNoBrandMember}
          </Placeholder>
        )}
      </Group>
    </>
  );
}
