/**
 * `#/admin/brand/:brandId/leads`: the brand's calculator campaigns to pick from (only a calculator's lead form makes
 * leads); each opens its leads inbox. The server checks the `leads` right on every lead call.
 */
import { Group, Header, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { withoutSection } from '../refused.ts';
import { useLeads } from './use-leads.ts';

export function BrandLeads({ office }: { office: Office }) {
  const { office: calls, l, language } = useLeads();
  const navigator = useRouteNavigator();
  const brandId = Number(useRouteParam('brandId'));
  const brand = office.brands.find((b) => b.id === brandId);
  const state = useAsync(
    async () => (await calls.campaigns(brandId)).filter((c) => c.mechanic === 'calculator'),
    [calls, brandId],
    brand !== undefined,
  );
  if (!brand) return <NotFound />;
  // A member without `leads` who follows a link here is told so, as every other section does (refused.ts).
  if (!brand.sections.includes('leads')) return <LoadStateScreen state={withoutSection('leads')} title={l.title} />;
  return (
    <>
      <PanelHeaderWithBack back={l.back}>{l.title}</PanelHeaderWithBack>
      <LoadState state={state}>
        {(campaigns) => (
          <Group header={<Header>{`${brand.name} · ${l.pickCampaign}`}</Header>}>
            {campaigns.length === 0 && <Placeholder>{l.noCampaigns}</Placeholder>}
            {campaigns.map((c) => (
              <SimpleCell
                key={c.id}
                chevron="always"
                data-testid={`leads-campaign-${c.id}`}
                onClick={() => navigator.push(paths.adminLeads(c.id))}
              >
                {c.title[language] || c.title.ru || c.title.en}
              </SimpleCell>
            ))}
          </Group>
        )}
      </LoadState>
    </>
  );
}
