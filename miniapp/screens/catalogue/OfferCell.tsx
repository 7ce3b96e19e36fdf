/** One offer in a list: picture, title, new and old price or the discount, region; opens the offer's card. */
import { Icon24Favorite } from '@vkontakte/icons';
import { Image, RichCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import { formatDiscount, formatPrice, type Offer } from './catalogue-api.ts';

export function OfferCell({
  campaignId,
  offer,
  language,
}: {
  campaignId: number;
  offer: Offer;
  language: 'ru' | 'en';
}) {
  const navigator = useRouteNavigator();
  const price = offer.price !== null ? formatPrice(offer.price, offer.currency, language) : null;
  const discount = offer.discountPercent !== null ? formatDiscount(offer.discountPercent, language) : null;
  return (
    <RichCell
      before={<Image size={72} src={offer.imageUrl ?? undefined} alt="" borderRadius="m" />}
      overTitle={offer.region ?? undefined}
      subtitle={[price, discount].filter(Boolean).join(' · ')}
      extraSubtitle={
        offer.oldPrice !== null ? <s>{formatPrice(offer.oldPrice, offer.currency, language)}</s> : undefined
      }
      after={offer.favourite ? <Icon24Favorite fill="var(--vkui--color_icon_accent)" aria-hidden /> : undefined}
      onClick={() => navigator.push(paths.offer(campaignId, offer.id))}
      data-testid={`offer-${offer.id}`}
      multiline
    >
      {offer.title}
    </RichCell>
  );
}
