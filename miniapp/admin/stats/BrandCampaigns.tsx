/**
 * On the brand's dashboard: its campaigns, each opening its own dashboard over the brand page's period and platform
 * (the address carries them, so Back finds the brand page as it was left and the campaign's page shows the same days).
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { paths, type StatsFilter, useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { statsStrings } from '../i18n-stats.ts';
import { useOffice } from '../use-office.ts';

export function BrandCampaigns({ brandId, filter }: { brandId: number; filter: StatsFilter }) {
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
          onClick={() => void navigator.push(paths.adminCampaignStats(c.id, filter))}
        >
          {c.title[language] || c.title.ru}
        </SimpleCell>
      ))}
    </Group>
  );
}
