/** On the brand's dashboard: its campaigns, each opening its own dashboard. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { statsStrings } from '../i18n-stats.ts';
import { useOffice } from '../use-office.ts';

export function BrandCampaigns({ brandId }: { brandId: number }) {
  const { language } = useApp();
  const s = statsStrings(language);
  const { office } = useOffice();
  const navigator = useRouteNavigator();
  const state = useAsync(() => office.campaigns(brandId), [office, brandId]);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <Group header={<Header>{s.campaigns}</Header>}>
      {state.data.map((c) => (
        <SimpleCell
          key={c.id}
          chevron="always"
          data-testid={`stats-campaign-link-${c.id}`}
          onClick={() => void navigator.push(paths.adminCampaignStats(c.id))}
        >
          {c.title[language] || c.title.ru}
        </SimpleCell>
      ))}
    </Group>
  );
}
