/** The period's key numbers, each with its change against the previous period of the same length. */
import { Caption, Card, CardGrid, Div, Subhead, Title } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { type StatsMessages, statsStrings } from '../i18n-stats.ts';
import type { StatsResponse } from './stats-api.ts';
import { dayText, formatChange, formatKpi } from './stats-format.ts';

type Kpi = StatsResponse<'summary'>['kpis'][number];

export function SummaryCards({ data }: { data: StatsResponse<'summary'> }) {
  const { language } = useApp();
  const s = statsStrings(language);
  return (
    <>
      <Div>
        <Caption
          level="1"
          data-testid="stats-previous-range"
          data-from={data.previousRange.from}
          data-to={data.previousRange.to}
        >
          {fill(s.previous, {
            from: dayText(data.previousRange.from, language),
            to: dayText(data.previousRange.to, language),
          })}
        </Caption>
      </Div>
      <CardGrid size="m">
        {data.kpis.map((kpi) => (
          <Card key={kpi.key} mode="shadow" data-testid={`stats-kpi-${kpi.key}`}>
            <Div>
              <Subhead>{s[`kpi_${kpi.key}`]}</Subhead>
              <Title level="2" data-testid={`stats-kpi-value-${kpi.key}`} data-value={kpi.current ?? ''}>
                {kpi.current === null ? '—' : formatKpi(kpi.key, kpi.current, s, language)}
              </Title>
              <Caption level="1" data-testid={`stats-kpi-change-${kpi.key}`} style={{ color: changeColor(kpi) }}>
                {changeLine(kpi, s, language)}
              </Caption>
            </Div>
          </Card>
        ))}
      </CardGrid>
    </>
  );
}

/** "+12% · 31" (the change, then the previous period's value); "was 0" when there is no rate of change. */
function changeLine(kpi: Kpi, s: StatsMessages, language: 'ru' | 'en'): string {
  if (kpi.previous === null) return s.noPrevious;
  const previous = formatKpi(kpi.key, kpi.previous, s, language);
  if (kpi.changePct === null) return fill(s.was, { v: previous });
  return `${formatChange(kpi.changePct, language)} · ${previous}`;
}

/** Green for a change for the better, red for the worse (more errors is worse), secondary when unknown. */
function changeColor(kpi: Kpi): string {
  if (kpi.changePct === null || kpi.changePct === 0) return 'var(--vkui--color_text_secondary)';
  const better = kpi.key === 'error_rate' ? kpi.changePct < 0 : kpi.changePct > 0;
  return better ? 'var(--vkui--color_text_positive)' : 'var(--vkui--color_text_negative)';
}
