/** One reward: the prize with its code once issued; otherwise why not (locked, sold out) or the way to claim it. */
import { Icon56GiftOutline, Icon56LockOutline } from '@vkontakte/icons';
import { Button, Group, Panel, Placeholder } from '@vkontakte/vkui';
import { useState } from 'react';
import type { CampaignState } from '../../api/client.ts';
import { errorText, errorTexts } from '../../i18n-errors.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { CampaignPanelHeader } from '../CampaignPanelHeader.tsx';
import { CampaignLoadState } from './CampaignLoadState.tsx';
import { useCampaignActions, useCampaignState } from './campaign-store.ts';
import { GrantDetails } from './GrantDetails.tsx';
import { usePromoApp } from './use-promo-app.ts';

function RewardBody({ data, rewardKey }: { data: CampaignState; rewardKey: string | undefined }) {
  const { api, t, language } = usePromoApp();
  const navigator = useRouteNavigator();
  const { refresh } = useCampaignActions(data.campaign.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reward = data.rewards.find((r) => r.key === rewardKey);
  if (!reward) {
    // A link to a reward the campaign does not have (mistyped, or removed): say so and lead to the campaign — it was
    // a bare title with nothing to do (found from outside).
    return (
      <Placeholder
        title={t.notFoundTitle}
        action={
          <Button mode="secondary" onClick={() => navigator.replace(paths.campaign(data.campaign.id))}>
            {t.toCampaign}
          </Button>
        }
        data-testid="reward-not-found"
      >
        {errorTexts[language].reward_not_found}
      </Placeholder>
    );
  }
  if (reward.grant) return <GrantDetails grant={reward.grant} />;
  if (reward.soldOut) {
    return (
      <Group>
        <Placeholder icon={<Icon56GiftOutline />} title={t.soldOutTitle} data-testid="reward-sold-out">
          {t.soldOutText}
        </Placeholder>
      </Group>
    );
  }
  const req = reward.requirement;
  const claimable = req.met && req.kind !== 'wheel' && data.campaign.phase === 'running';
  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.claimReward(data.campaign.id, reward.key);
    } catch (err) {
      setError(errorText(err, language));
    }
    await refresh();
    setBusy(false);
  };
  const why =
    req.kind === 'tasks'
      ? req.notOnPlatform
        ? t.rewardNotOnPlatform
        : fill(t.rewardLocked, { done: req.tasksDone ?? 0, required: req.tasksRequired ?? 0 })
      : req.kind === 'quiz'
        ? t.rewardQuiz
        : t.rewardWheel;
  return (
    <Group>
      <Placeholder
        icon={claimable ? <Icon56GiftOutline /> : <Icon56LockOutline />}
        title={claimable ? reward.title : t.lockedTitle}
        action={
          claimable && (
            <Button size="l" loading={busy} onClick={() => void claim()}>
              {t.rewardGet}
            </Button>
          )
        }
      >
        {error ?? (claimable ? reward.description : why)}
      </Placeholder>
    </Group>
  );
}

export function RewardPanel({ id }: { id: string }) {
  const { t } = usePromoApp();
  const campaignId = useRouteId();
  const rewardKey = useRouteParam('rewardKey');
  const { state } = useCampaignState(campaignId);
  return (
    <Panel id={id}>
      <CampaignPanelHeader campaignId={campaignId}>
        {state.status === 'ready'
          ? (state.data.rewards.find((r) => r.key === rewardKey)?.title ?? t.rewards)
          : t.rewards}
      </CampaignPanelHeader>
      <CampaignLoadState state={state}>{(data) => <RewardBody data={data} rewardKey={rewardKey} />}</CampaignLoadState>
    </Panel>
  );
}
