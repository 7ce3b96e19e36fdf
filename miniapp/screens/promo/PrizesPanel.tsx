/** "My prizes": everything this user has received in the campaign, codes included; empty until the first prize. */
import { Icon28GiftOutline, Icon56GiftOutline } from '@vkontakte/icons';
import { Group, Panel, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { ApiRequestError, type Grant } from '../../api/client.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { CampaignPanelHeader } from '../CampaignPanelHeader.tsx';
import { CampaignLoadState } from './CampaignLoadState.tsx';
import { useCampaignState } from './campaign-store.ts';
import { usePromoApp } from './use-promo-app.ts';

export function PrizesPanel({ id }: { id: string }) {
  const { api, t } = usePromoApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  // Re-read whenever the campaign state changes (a claim, a win), so the list is never stale.
  const { state: campaign } = useCampaignState(campaignId);
  const version = campaign.status === 'ready' ? campaign.data : null;
  const state = useAsync<Grant[]>(
    () =>
      api.prizes(campaignId ?? 0).catch((err: unknown) => {
        // Not taking part yet (never opened a running campaign): simply nothing won.
        if (err instanceof ApiRequestError && err.code === 'not_joined') return [];
        throw err;
      }),
    [api, campaignId, version],
    campaignId !== undefined,
  );
  return (
    <Panel id={id}>
      <CampaignPanelHeader campaignId={campaignId}>{t.myPrizes}</CampaignPanelHeader>
      <CampaignLoadState state={state}>
        {(prizes) => (
          <Group>
            {prizes.length === 0 ? (
              <Placeholder icon={<Icon56GiftOutline />} title={t.noPrizes} data-testid="prizes-empty">
                {t.noPrizesHint}
              </Placeholder>
            ) : (
              prizes.map((p) => (
                <SimpleCell
                  key={p.rewardKey}
                  before={<Icon28GiftOutline fill="var(--vkui--color_icon_accent)" />}
                  subtitle={p.code ?? p.howToUse}
                  multiline
                  chevron="always"
                  onClick={() => campaignId && navigator.push(paths.reward(campaignId, p.rewardKey))}
                  data-testid={`prize-${p.rewardKey}`}
                >
                  {p.title}
                </SimpleCell>
              ))
            )}
          </Group>
        )}
      </CampaignLoadState>
    </Panel>
  );
}
