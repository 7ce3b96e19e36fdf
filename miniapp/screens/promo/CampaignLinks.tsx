/** The ways out of a campaign's home: my prizes (once taking part), its offers (while one is live) and the rules. */
import { Icon28DiscountOutline, Icon28DocumentTextOutline, Icon28GiftOutline } from '@vkontakte/icons';
import { Group, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { usePromoApp } from './use-promo-app.ts';

export function CampaignLinks({ data }: { data: CampaignState }) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  const id = data.campaign.id;
  return (
    <Group>
      {data.participant && (
        <SimpleCell
          before={<Icon28GiftOutline />}
          onClick={() => navigator.push(paths.prizes(id))}
          chevron="always"
          data-testid="my-prizes"
        >
          {t.myPrizes}
        </SimpleCell>
      )}
      {data.hasOffers && (
        <SimpleCell
          before={<Icon28DiscountOutline />}
          onClick={() => navigator.push(paths.offers(id))}
          chevron="always"
          data-testid="campaign-offers"
        >
          {t.offers}
        </SimpleCell>
      )}
      <SimpleCell
        before={<Icon28DocumentTextOutline />}
        onClick={() => navigator.push(paths.rules(id))}
        chevron="always"
        data-testid="campaign-rules"
      >
        {t.rules}
      </SimpleCell>
    </Group>
  );
}
