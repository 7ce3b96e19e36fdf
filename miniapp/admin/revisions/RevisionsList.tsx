/** Every published revision of a campaign, newest first; each opens read-only. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { useOffice } from '../use-office.ts';

export function RevisionsList({
  campaignId,
  timeZone,
  version,
}: {
  campaignId: number;
  timeZone: string;
  version: number;
}) {
  const { t, office, language } = useOffice();
  const navigator = useRouteNavigator();
  const list = useAsync(() => office.revisions(campaignId), [office, campaignId, version]);
  const revisions = list.status === 'ready' ? [...list.data].sort((a, b) => b.number - a.number) : [];
  return (
    <Group header={<Header>{t.revisions}</Header>} data-testid="office-revisions">
      {list.status === 'ready' && revisions.length === 0 && <SimpleCell>{t.noRevisions}</SimpleCell>}
      {revisions.map((r) => (
        <SimpleCell
          key={r.number}
          chevron="auto"
          subtitle={fill(t.publishedAt, { date: formatDateTime(r.createdAt, language, timeZone) })}
          onClick={() => navigator.push(paths.adminRevision(campaignId, r.number))}
          data-testid={`office-revision-${r.number}`}
        >
          {fill(t.revision, { n: r.number })}
        </SimpleCell>
      ))}
    </Group>
  );
}
