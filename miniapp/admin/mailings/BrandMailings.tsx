/**
 * `#/admin/brand/:brandId/mailings`: the brand's campaigns to pick from; each opens its rules and broadcasts.
 * The list answers any member of the brand (title and status only).
 */
import { Group, Header, PanelHeader, PanelHeaderBack, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import type { Office } from '../office-api.ts';
import { useMailings } from './use-mailings.ts';

export function BrandMailings({ office }: { office: Office }) {
  const { office: calls, m, t, language } = useMailings();
  const navigator = useRouteNavigator();
  const brandId = Number(useRouteParam('brandId'));
  const brand = office.brands.find((b) => b.id === brandId);
  const state = useAsync(() => calls.campaigns(brandId), [calls, brandId], brand !== undefined);
  if (!brand) return <NotFound />;
  return (
    <>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={t.back} />}>{m.title}</PanelHeader>
      <LoadState state={state}>
        {(campaigns) => (
          <Group header={<Header>{`${brand.name} · ${m.pickCampaign}`}</Header>}>
            {campaigns.length === 0 && <Placeholder>{m.noCampaigns}</Placeholder>}
            {campaigns.map((c) => (
              <SimpleCell key={c.id} chevron="always" onClick={() => navigator.push(paths.adminMailings(c.id))}>
                {c.title[language] || c.title.ru || c.title.en}
              </SimpleCell>
            ))}
          </Group>
        )}
      </LoadState>
    </>
  );
}
