/**
 * Help for a campaign: the brand's help articles first ("did this help?"), its FAQ (from the campaign's settings, in the launch's language), "write to us", and the
 * participant's own requests, each marked when a brand answer is unread (the server says which).
 */
import { Icon28MessageAddBadgeOutline } from '@vkontakte/icons';
import { Accordion, Counter, Div, Group, Header, Panel, Placeholder, SimpleCell, Text } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { LoadState } from '../LoadState.tsx';
import { HelpArticles } from './HelpArticles.tsx';
import { setUnread } from './unread-store.ts';
import { useSupportApp } from './use-support-app.ts';

export function SupportPanel({ id }: { id: string }) {
  const { t, support } = useSupportApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const state = useAsync(
    async () => {
      const [articles, faq, tickets] = await Promise.all([
        support.articles(campaignId ?? 0),
        support.faq(campaignId ?? 0),
        support.tickets(),
      ]);
      setUnread(tickets.filter((x) => x.unread).length);
      return { articles, faq, tickets };
    },
    [support, campaignId],
    campaignId !== undefined,
  );
  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.helpTitle}</PanelHeaderWithBack>
      <LoadState state={state}>
        {({ articles, faq, tickets }) => (
          <>
            <HelpArticles articles={articles} onWrite={() => campaignId && navigator.push(paths.helpNew(campaignId))} />
            <Group header={<Header>{t.faq}</Header>} data-testid="help-faq">
              {faq.length === 0 ? (
                <Div>
                  <Text>{t.faqEmpty}</Text>
                </Div>
              ) : (
                faq.map((item) => (
                  <Accordion key={item.q}>
                    <Accordion.Summary>{item.q}</Accordion.Summary>
                    <Accordion.Content>
                      <Div>
                        <Text>{item.a}</Text>
                      </Div>
                    </Accordion.Content>
                  </Accordion>
                ))
              )}
            </Group>
            <Group>
              <SimpleCell
                before={<Icon28MessageAddBadgeOutline />}
                onClick={() => campaignId && navigator.push(paths.helpNew(campaignId))}
                chevron="always"
                data-testid="help-write"
              >
                {t.writeToUs}
              </SimpleCell>
            </Group>
            <Group header={<Header>{t.myTickets}</Header>}>
              {tickets.length === 0 ? (
                <Placeholder>{t.noTickets}</Placeholder>
              ) : (
                tickets.map((ticket) => (
                  <SimpleCell
                    key={ticket.id}
                    multiline
                    subtitle={`${fill(t.ticketNumber, { id: ticket.id })} · ${t[`status_${ticket.status}`]}`}
                    after={
                      ticket.unread ? (
                        <Counter size="s" mode="primary" appearance="accent" aria-label={t.newAnswer}>
                          1
                        </Counter>
                      ) : undefined
                    }
                    chevron="always"
                    onClick={() => campaignId && navigator.push(paths.helpTicket(campaignId, ticket.id))}
                    data-testid={`ticket-${ticket.id}`}
                  >
                    {ticket.subject}
                  </SimpleCell>
                ))
              )}
            </Group>
          </>
        )}
      </LoadState>
    </Panel>
  );
}
