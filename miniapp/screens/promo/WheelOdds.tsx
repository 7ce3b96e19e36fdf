/** The published odds of each sector (instant-win rules require them), with prizes that are gone marked. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { usePromoApp } from './use-promo-app.ts';

export function WheelOdds({ data }: { data: CampaignState }) {
  const { t, language } = usePromoApp();
  const percent = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (
    <Group header={<Header>{t.wheelOdds}</Header>}>
      {(data.wheel?.sectors ?? []).map((s) => {
        const reward = data.rewards.find((r) => r.key === s.rewardKey);
        return (
          <SimpleCell
            key={s.key}
            after={percent.format(s.odds)}
            subtitle={reward?.soldOut ? t.rewardSoldOut : reward?.grant ? (reward.grant.code ?? t.taskDone) : undefined}
          >
            {s.label}
          </SimpleCell>
        );
      })}
    </Group>
  );
}
