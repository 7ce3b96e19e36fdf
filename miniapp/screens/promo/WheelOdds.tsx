/**
 * The list beside the wheel (wheel-listing.ts decides what it promises): the published odds of each sector
 * (instant-win rules require them) and the prizes taken off it (already theirs, sold out, gone for today), or under
 * the prize calendar the prizes alone with how the calendar works.
 */
import { Footnote, Group, Header, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { numberFormat } from '../../intl-formats.ts';
import { usePromoApp } from './use-promo-app.ts';
import { wheelListing } from './wheel-listing.ts';

export function WheelOdds({ data }: { data: CampaignState }) {
  const { t, language } = usePromoApp();
  const percent = numberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const listing = wheelListing(data.wheel);
  const odds = (value: number) => (listing.showOdds ? percent.format(value) : undefined);
  return (
    <Group header={<Header>{t[listing.header]}</Header>} data-testid="wheel-odds">
      {listing.sectors.map((s) => (
        <SimpleCell key={s.key} after={odds(s.odds)} data-testid={`wheel-odds-${s.key}`}>
          {s.label}
        </SimpleCell>
      ))}
      {(data.wheel?.excluded ?? []).map((s) => (
        <SimpleCell
          key={s.key}
          disabled
          after={odds(0)}
          subtitle={t[`wheelOff_${s.reason}`]}
          data-testid={`wheel-off-${s.key}`}
        >
          {s.label}
        </SimpleCell>
      ))}
      {listing.note && (
        <Footnote style={{ color: 'var(--vkui--color_text_secondary)', padding: '8px 16px' }}>
          {t[listing.note]}
        </Footnote>
      )}
    </Group>
  );
}
