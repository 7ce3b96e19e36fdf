/**
 * The published odds of each sector of this user's wheel (instant-win rules require them), and the prizes taken
 * off it (already theirs, sold out, gone for today) with the note that their odds moved to the other sectors.
 */
import { Footnote, Group, Header, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { numberFormat } from '../../intl-formats.ts';
import { usePromoApp } from './use-promo-app.ts';

export function WheelOdds({ data }: { data: CampaignState }) {
  const { t, language } = usePromoApp();
  const percent = numberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const excluded = data.wheel?.excluded ?? [];
  return (
    <Group header={<Header>{t.wheelOdds}</Header>} data-testid="wheel-odds">
      {(data.wheel?.sectors ?? []).map((s) => (
        <SimpleCell key={s.key} after={percent.format(s.odds)} data-testid={`wheel-odds-${s.key}`}>
          {s.label}
        </SimpleCell>
      ))}
      {excluded.map((s) => (
        <SimpleCell
          key={s.key}
          disabled
          after={percent.format(0)}
          subtitle={t[`wheelOff_${s.reason}`]}
          data-testid={`wheel-off-${s.key}`}
        >
          {s.label}
        </SimpleCell>
      ))}
      {excluded.length > 0 && (
        <Footnote style={{ color: 'var(--vkui--color_text_secondary)', padding: '8px 16px' }}>
          {t.wheelOddsMoved}
        </Footnote>
      )}
    </Group>
  );
}
