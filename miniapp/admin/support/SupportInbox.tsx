/**
 * The brand's support inbox (`#/admin/brand/:brandId/support`): requests from the app and from community messages in
 * one list, by campaign and status, with search (all three kept in the address, inbox-query.ts) and how long the
 * participant has waited; links to canned answers and the knowledge base. The server checks the `support` right.
 */
import { Group, Placeholder, Search, SimpleCell, Tabs, TabsItem } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator, useRouteQuery } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { ageText } from '../i18n-support.ts';
import { OfficeHorizontalScroll } from '../OfficeHorizontalScroll.tsx';
import { personText } from '../person-who.ts';
import { useOffice } from '../use-office.ts';
import { InboxCampaignFilter } from './InboxCampaignFilter.tsx';
import { type InboxQuery, inboxFilters, inboxQueryOf } from './inbox-query.ts';
import { type Agent, TICKET_STATUSES } from './support-api.ts';
import { useSupportOffice } from './use-support-office.ts';

const STATUSES = ['', ...TICKET_STATUSES] as const;

/** The assignee as every office screen names a person; `?` for a membership no longer among the agents. */
const assigneeText = (agent: Agent | undefined, language: 'ru' | 'en') => (agent ? personText(agent, language) : '?');

export default function SupportInbox() {
  const { s, language, brandId, support } = useSupportOffice();
  const navigator = useRouteNavigator();
  const { office } = useOffice();
  const query = inboxQueryOf(useRouteQuery());
  const { campaignId, status, q } = query;
  // Replaced, not pushed: the filters are this screen's state, and Back leaves the inbox as it was left.
  const filter = (change: Partial<InboxQuery>) =>
    navigator.replace(paths.adminSupport(brandId, inboxFilters({ ...query, ...change })));
  // Any member of the brand may list its campaigns; a failed list leaves the filter with "all" alone.
  const campaigns = useAsync(() => office.campaigns(brandId), [office, brandId]);
  const state = useAsync(async () => {
    const [tickets, agents] = await Promise.all([support.tickets({ status, q, campaignId }), support.agents()]);
    return { tickets, agents: new Map(agents.map((a) => [a.membershipId, a])) };
  }, [support, status, q, campaignId]);
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.inbox}</PanelHeaderWithBack>
      <Group>
        <SimpleCell chevron="always" onClick={() => navigator.push(paths.adminSupportCanned(brandId))}>
          {s.canned}
        </SimpleCell>
        <SimpleCell chevron="always" onClick={() => navigator.push(paths.adminSupportKnowledge(brandId))}>
          {s.knowledge}
        </SimpleCell>
      </Group>
      <Group>
        <InboxCampaignFilter
          campaigns={campaigns.status === 'ready' ? campaigns.data : []}
          selected={campaignId}
          onChange={(id) => filter({ campaignId: id })}
        />
        <Search
          value={q}
          onChange={(e) => filter({ q: e.target.value })}
          placeholder={s.search}
          clearLabel={s.clearSearch}
          data-testid="inbox-search"
        />
        {/* Tabs scroll sideways: five statuses do not fit a 320-px phone as one segmented row. */}
        <Tabs data-testid="inbox-status">
          <OfficeHorizontalScroll>
            {STATUSES.map((x) => (
              <TabsItem
                key={x || 'all'}
                selected={status === x}
                onClick={() => filter({ status: x })}
                data-testid={`inbox-status-${x || 'all'}`}
              >
                {x ? s[`status_${x}`] : s.allStatuses}
              </TabsItem>
            ))}
          </OfficeHorizontalScroll>
        </Tabs>
        <LoadState state={state}>
          {({ tickets, agents }) =>
            tickets.length === 0 ? (
              <Placeholder>{s.empty}</Placeholder>
            ) : (
              tickets.map((t) => (
                <SimpleCell
                  key={t.id}
                  multiline
                  chevron="always"
                  data-testid={`inbox-ticket-${t.id}`}
                  onClick={() => navigator.push(paths.adminSupportTicket(brandId, t.id))}
                  // Each person on a line of their own (VKUI's over-title, subtitle and extra subtitle): a person
                  // reads «ВКонтакте · id123» themselves, so joined with the ticket's facts by « · » they blended in.
                  overTitle={[
                    fill(s.ticket, { id: t.id }),
                    s[`status_${t.status}`],
                    t.source === 'bot' ? s.fromCommunity : s.fromApp,
                    t.slaAgeMs != null ? fill(s.waiting, { age: ageText(t.slaAgeMs, language) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  subtitle={
                    <span data-testid={`inbox-participant-${t.id}`}>
                      {personText({ platform: t.platform, userId: t.platformUserId }, language)}
                    </span>
                  }
                  extraSubtitle={
                    t.assigneeMembershipId != null ? (
                      <span data-testid={`inbox-assignee-${t.id}`}>
                        {fill(s.assignedTo, { who: assigneeText(agents.get(t.assigneeMembershipId), language) })}
                      </span>
                    ) : undefined
                  }
                >
                  {t.subject}
                </SimpleCell>
              ))
            )
          }
        </LoadState>
      </Group>
    </>
  );
}
