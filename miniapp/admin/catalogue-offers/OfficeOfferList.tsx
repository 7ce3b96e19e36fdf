/**
 * The campaign's offers as the office sees them: tabs by status today (all, running, upcoming, expired, ended) with
 * their counts, each offer with its id and region, price, old price or discount, and dates.
 */
import { Group, Header, Placeholder, RichCell, Tabs, TabsItem } from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { formatPrice } from '../../screens/catalogue/catalogue-api.ts';
import { OfficeHorizontalScroll } from '../OfficeHorizontalScroll.tsx';
import { percentText } from '../percent-text.ts';
import type { OffersOfficeMessages } from './i18n-offers-office.ts';
import { offerDay } from './offer-day.ts';
import type { OfferStatus, OfficeCatalogue, OfficeOffer } from './offers-office-api.ts';

const TABS = ['all', 'active', 'scheduled', 'expired', 'ended'] as const;
type Tab = (typeof TABS)[number];

function OfferRow({ offer, t, language }: { offer: OfficeOffer; t: OffersOfficeMessages; language: 'ru' | 'en' }) {
  const price = offer.price !== null ? formatPrice(offer.price, offer.currency, language) : null;
  const discount =
    offer.discountPercent !== null
      ? fill(t.discount, { n: percentText(offer.discountPercent / 100, language, { digits: 0 }) })
      : null;
  const dates = [
    offer.startsOn ? fill(t.from, { date: offerDay(offer.startsOn, language) }) : null,
    offer.endsOn ? fill(t.until, { date: offerDay(offer.endsOn, language) }) : null,
  ].filter(Boolean);
  return (
    <RichCell
      multiline
      overTitle={[offer.externalId, offer.region].filter(Boolean).join(' · ')}
      subtitle={
        <>
          {[price, discount].filter(Boolean).join(' · ')}
          {offer.oldPrice !== null && (
            <>
              {' '}
              <s>{formatPrice(offer.oldPrice, offer.currency, language)}</s>
            </>
          )}
        </>
      }
      extraSubtitle={dates.length > 0 ? dates.join(' ') : t.noDates}
      afterCaption={<span data-testid={`office-offer-status-${offer.externalId}`}>{t[`status_${offer.status}`]}</span>}
      data-testid={`office-offer-${offer.externalId}`}
      data-status={offer.status}
    >
      {offer.title}
    </RichCell>
  );
}

export function OfficeOfferList({
  catalogue,
  t,
  language,
}: {
  catalogue: OfficeCatalogue;
  t: OffersOfficeMessages;
  language: 'ru' | 'en';
}) {
  const [tab, setTab] = useState<Tab>('all');
  const count = (status: Tab) =>
    status === 'all' ? catalogue.offers.length : catalogue.offers.filter((o) => o.status === status).length;
  const shown = tab === 'all' ? catalogue.offers : catalogue.offers.filter((o) => o.status === (tab as OfferStatus));
  return (
    <Group
      header={
        <Header
          subtitle={
            catalogue.total > catalogue.offers.length
              ? fill(t.shownOf, { shown: catalogue.offers.length, total: catalogue.total })
              : undefined
          }
        >
          {fill(t.offers, { n: catalogue.total })}
        </Header>
      }
      data-testid="office-offers"
    >
      {catalogue.total === 0 ? (
        <Placeholder>{t.noOffers}</Placeholder>
      ) : (
        <>
          <Tabs withScrollToSelectedTab scrollBehaviorToSelectedTab="center">
            <OfficeHorizontalScroll arrowSize="m">
              {TABS.map((status) => (
                <TabsItem
                  key={status}
                  selected={tab === status}
                  onClick={() => setTab(status)}
                  status={count(status)}
                  data-testid={`office-offers-tab-${status}`}
                >
                  {t[`status_${status}`]}
                </TabsItem>
              ))}
            </OfficeHorizontalScroll>
          </Tabs>
          {shown.length === 0 && <Placeholder>{t.noneWithStatus}</Placeholder>}
          {shown.map((offer) => (
            <OfferRow key={offer.id} offer={offer} t={t} language={language} />
          ))}
        </>
      )}
    </Group>
  );
}
