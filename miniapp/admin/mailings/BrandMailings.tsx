/**
 * `#/admin/brand/:brandId/mailings`: the brand's campaigns to pick from; each opens its rules and broadcasts.
 * The list answers any member of the brand (title and status only), but every campaign's mailings need the `mailings`
 * right: a member without it is told so at once (no picker whose every entry would say «No access»).
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
import { useMailings } from './use-mailings.ts';

export function BrandMailings({ office }: { office: Office }) {
  const { office: calls, m, t, language } = useMailings();
  const navigator = useRouteNavigator();
  const brandId = Number(useRouteParam('brandId'));
  const brand = office.brands.find((b) => b.id === brandId);
  const mayOpen = brand?.sections.includes('mailings') ?? false;
  const state = useAsync(() => calls.campaigns(brandId), [calls, brandId], mayOpen);
  if (!brand) return <NotFound />;
  if (!mayOpen) return <LoadStateScreen state={withoutSection('mailings')} title={m.title} />;
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{m.title}</PanelHeaderWithBack>
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
