/** Rewards unlocked by tasks: what each needs, whether it is unlocked, claimed or sold out, and the way to it. */
import { Icon28GiftOutline, Icon28LockOutline } from '@vkontakte/icons';
import { Button, Group, Header, RichCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { ApiRequestError, type CampaignState, type Reward } from '../../api/client.ts';
import { errorText } from '../../i18n-errors.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useCampaignActions } from './campaign-store.ts';
import { usePromoApp } from './use-promo-app.ts';

function RewardCell({ campaignId, reward, running }: { campaignId: number; reward: Reward; running: boolean }) {
  const { api, t, language } = usePromoApp();
  const navigator = useRouteNavigator();
  const { refresh } = useCampaignActions(campaignId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { requirement: req } = reward;
  const open = () => navigator.push(paths.reward(campaignId, reward.key));

  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.claimReward(campaignId, reward.key);
      await refresh();
      open();
    } catch (err) {
      await refresh();
      if (err instanceof ApiRequestError && err.code === 'sold_out') open();
      else setError(errorText(err, language));
    } finally {
      setBusy(false);
    }
  };

  let status = req.notOnPlatform
    ? t.rewardNotOnPlatform
    : fill(t.rewardLocked, { done: req.tasksDone ?? 0, required: req.tasksRequired ?? 0 });
  if (reward.grant) status = reward.grant.code ?? t.taskDone;
  else if (reward.soldOut) status = t.rewardSoldOut;
  else if (req.met) status = t.rewardUnlocked;
  const unlocked = req.met && !reward.grant && !reward.soldOut && running;
  const action = reward.grant ? (
    <Button size="s" mode="secondary" onClick={open} data-testid={`reward-open-${reward.key}`}>
      {t.rewardShow}
    </Button>
  ) : unlocked ? (
    <Button size="s" loading={busy} onClick={() => void claim()} data-testid={`reward-claim-${reward.key}`}>
      {t.rewardGet}
    </Button>
  ) : null;
  return (
    <RichCell
      multiline
      before={
        reward.grant || (req.met && !reward.soldOut) ? (
          <Icon28GiftOutline fill="var(--vkui--color_icon_accent)" />
        ) : (
          <Icon28LockOutline fill="var(--vkui--color_icon_tertiary)" />
        )
      }
      subtitle={error ?? reward.description}
      extraSubtitle={[status, req.serverVerifiedOnly && !reward.grant ? t.rewardServerOnly : null]
        .filter(Boolean)
        .join(' · ')}
      actions={action}
      data-testid={`reward-${reward.key}`}
    >
      {reward.title}
    </RichCell>
  );
}

export function RewardList({ data }: { data: CampaignState }) {
  const { t } = usePromoApp();
  const rewards = data.rewards.filter((r) => r.requirement.kind === 'tasks');
  if (rewards.length === 0) return null;
  return (
    <Group header={<Header>{t.rewards}</Header>}>
      {rewards.map((r) => (
        <RewardCell key={r.key} campaignId={data.campaign.id} reward={r} running={data.campaign.phase === 'running'} />
      ))}
    </Group>
  );
}
