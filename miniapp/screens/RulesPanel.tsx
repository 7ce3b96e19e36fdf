/** The campaign's rules and its legal type, as the law requires them to be shown; showing them is a funnel fact. */
import { useRouteNavigator } from '@vkontakte/vk-mini-apps-router';
import { Div, Group, Header, Panel, PanelHeader, PanelHeaderBack, Paragraph } from '@vkontakte/vkui';
import { useEffect } from 'react';
import { useAsync } from '../use-async.ts';
import { useRouteId } from '../use-route-id.ts';
import { LoadState } from './LoadState.tsx';
import { usePromoApp } from './promo/use-promo-app.ts';
import { HelpButton } from './support/HelpButton.tsx';

export function RulesPanel({ id }: { id: string }) {
  const { api, t } = usePromoApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const state = useAsync(() => api.campaign(campaignId ?? 0), [api, campaignId], campaignId !== undefined);
  const shown = state.status === 'ready';
  useEffect(() => {
    // Reported once the rules are on screen; a lost report must not disturb reading them.
    if (shown && campaignId !== undefined) api.rulesViewed(campaignId).catch(() => undefined);
  }, [api, campaignId, shown]);
  return (
    <Panel id={id}>
      <PanelHeader
        before={
          <>
            <PanelHeaderBack onClick={() => navigator.back()} label={t.back} />
            <HelpButton campaignId={campaignId} />
          </>
        }
      >
        {t.rules}
      </PanelHeader>
      <LoadState state={state}>
        {(campaign) => (
          <Group header={<Header>{t[`legal_${campaign.legalType}`]}</Header>}>
            <Div>
              <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{campaign.rulesText}</Paragraph>
            </Div>
          </Group>
        )}
      </LoadState>
    </Panel>
  );
}
