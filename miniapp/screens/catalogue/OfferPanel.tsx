/** One offer's card (deep link `#/campaign/{id}/offer/{offerId}`): prices, dates, how to use, favourite, share. */
import { Icon24Favorite, Icon24FavoriteOutline, Icon24ShareOutline } from '@vkontakte/icons';
import { Button, ButtonGroup, Div, Group, Header, Image, Panel, Snackbar, Text, Title } from '@vkontakte/vkui';
import { useState } from 'react';
import { dateTimeFormat } from '../../intl-formats.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { LoadState } from '../LoadState.tsx';
import { formatDiscount, formatPrice, type Offer } from './catalogue-api.ts';
import { shareNotice } from './share-notice.ts';
import { useCatalogueApp } from './use-catalogue-app.ts';

export function OfferPanel({ id }: { id: string }) {
  const { catalogue, platform, language, t } = useCatalogueApp();
  const campaignId = useRouteId() ?? 0;
  const offerId = Number(useRouteParam('offerId') ?? 0);
  const [favourite, setFavourite] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useAsync<Offer & { shareUrl: string | null }>(
    () => catalogue.offer(campaignId, offerId),
    [catalogue, campaignId, offerId],
    campaignId > 0 && offerId > 0,
  );
  const day = (iso: string) =>
    dateTimeFormat(language, { day: 'numeric', month: 'long' }).format(new Date(`${iso}T12:00:00Z`));

  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.offerTitle}</PanelHeaderWithBack>
      <LoadState state={state}>
        {(offer) => {
          const isFavourite = favourite ?? offer.favourite;
          return (
            <Group>
              {offer.imageUrl && (
                <Div>
                  <Image src={offer.imageUrl} alt="" widthSize="100%" heightSize={200} borderRadius="l" />
                </Div>
              )}
              <Div>
                <Title level="2" data-testid="offer-title">
                  {offer.title}
                </Title>
                <Text weight="2" data-testid="offer-price">
                  {offer.price !== null && formatPrice(offer.price, offer.currency, language)}
                  {offer.oldPrice !== null && (
                    <>
                      {' '}
                      <s>{formatPrice(offer.oldPrice, offer.currency, language)}</s>
                    </>
                  )}
                  {offer.discountPercent !== null && ` ${formatDiscount(offer.discountPercent, language)}`}
                </Text>
                {offer.startsOn && <Text>{t.offerFrom.replace('{date}', day(offer.startsOn))}</Text>}
                {offer.endsOn && <Text>{t.offerUntil.replace('{date}', day(offer.endsOn))}</Text>}
                {offer.region && <Text>{offer.region}</Text>}
                {offer.description && <Text>{offer.description}</Text>}
              </Div>
              {offer.howToUse && (
                <>
                  <Header>{t.offerHowToUse}</Header>
                  <Div>
                    <Text data-testid="offer-how-to-use">{offer.howToUse}</Text>
                  </Div>
                </>
              )}
              <Div>
                <ButtonGroup mode="vertical" stretched>
                  <Button
                    size="l"
                    stretched
                    mode={isFavourite ? 'secondary' : 'primary'}
                    before={isFavourite ? <Icon24Favorite /> : <Icon24FavoriteOutline />}
                    onClick={async () => {
                      const next = !isFavourite;
                      setFavourite(next);
                      await catalogue.setFavourite(campaignId, offer.id, next).catch(() => setFavourite(!next));
                    }}
                    data-testid="offer-favourite"
                  >
                    {isFavourite ? t.offerRemoveFavourite : t.offerAddFavourite}
                  </Button>
                  {/* Only the server's link into the sharer's own app: the page's address would be another app's
                      or, on OK, carry this launch's signed parameters to whoever opens it. */}
                  {offer.shareUrl && (
                    <Button
                      size="l"
                      stretched
                      mode="secondary"
                      before={<Icon24ShareOutline />}
                      onClick={async () => setNotice(shareNotice(await platform.share(offer.shareUrl ?? ''), t))}
                      data-testid="offer-share"
                    >
                      {t.offerShare}
                    </Button>
                  )}
                  {offer.url && (
                    <Button size="l" stretched mode="tertiary" onClick={() => void platform.openLink(offer.url ?? '')}>
                      {t.offerOpenSite}
                    </Button>
                  )}
                </ButtonGroup>
              </Div>
            </Group>
          );
        }}
      </LoadState>
      {notice && (
        <Snackbar onClosed={() => setNotice(null)} data-testid="snackbar">
          {notice}
        </Snackbar>
      )}
    </Panel>
  );
}
