/** One campaign: what it is, its state, and the way to its rules. */
import { Icon28DocumentTextOutline } from '@vkontakte/icons';
import { useRouteNavigator } from '@vkontakte/vk-mini-apps-router';
import { Div, Group, Panel, PanelHeader, PanelHeaderBack, Paragraph, SimpleCell, Title } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { useAsync } from '../use-async.ts';
import { useRouteId } from '../use-route-id.ts';
import { campaignSubtitle } from './CampaignBadge.tsx';
import { LoadState } from './LoadState.tsx';

export function CampaignPanel({ id }: { id: string }) {
  const { api, t, language } = useApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const state = useAsync(() => api.campaign(campaignId ?? 0), [api, campaignId], campaignId !== undefined);
  return (
    <Panel id={id}>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={t.back} />}>
        {state.status === 'ready' ? state.data.title : t.appTitle}
      </PanelHeader>
      <LoadState state={state}>
        {(campaign) => (
          <>
            <Group>
              <Div>
                <Title level="2" data-testid="campaign-title">
                  {campaign.title}
                </Title>
                <Paragraph Component="p" style={{ marginTop: 8 }}>{campaign.description}</Paragraph>
                <Paragraph Component="p" style={{ marginTop: 8, color: 'var(--vkui--color_text_secondary)' }}>
                  {campaignSubtitle(campaign, t, language)}
                </Paragraph>
              </Div>
            </Group>
            <Group>
              <SimpleCell
                before={<Icon28DocumentTextOutline />}
                onClick={() => navigator.push(`/campaign/${campaign.id}/rules`)}
                chevron="always"
              >
                {t.rules}
              </SimpleCell>
            </Group>
          </>
        )}
      </LoadState>
    </Panel>
  );
}
