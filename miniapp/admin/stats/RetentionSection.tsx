/**
 * D1/D7/D30 retention: a curve per cohort day and a heatmap table (cohort × day), the cell's tint the share kept,
 * drawn with VKUI's accent token so it follows the colour scheme. "Too early" where a cohort's day has not come.
 */
import { Div } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { type StatsMessages, statsStrings } from '../i18n-stats.ts';
import styles from './RetentionTable.module.css';
import type { StatsResponse } from './stats-api.ts';
import { dayText, formatInt, formatShare } from './stats-format.ts';
import { UplotChart } from './UplotChart.tsx';

type Retention = StatsResponse<'retention'>;
type Retained = Retention['overall']['d1'];
const DAYS = ['d1', 'd7', 'd30'] as const;

export function RetentionCharts({ data }: { data: Retention }) {
  const { language } = useApp();
  const s = statsStrings(language);
  return (
    <>
      <UplotChart
        testId="stats-retention-chart"
        label={s.retention}
        percent
        x={{ kind: 'time', days: data.cohorts.map((c) => c.day) }}
        series={[
          { label: 'D1', color: 'accent', values: data.cohorts.map((c) => (c.size > 0 ? (c.d1?.rate ?? null) : null)) },
          { label: 'D7', color: 'green', values: data.cohorts.map((c) => (c.size > 0 ? (c.d7?.rate ?? null) : null)) },
          {
            label: 'D30',
            color: 'orange',
            values: data.cohorts.map((c) => (c.size > 0 ? (c.d30?.rate ?? null) : null)),
          },
        ]}
      />
      <Div className={styles.scroll}>
        <table className={styles.table} data-testid="stats-retention-heatmap">
          <thead>
            <tr>
              <th>{s.cohort}</th>
              <th>{s.size}</th>
              {DAYS.map((d) => (
                <th key={d}>{d.toUpperCase()}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className={styles.overall}>
              <th>{s.overall}</th>
              <td>
                {formatInt(
                  data.cohorts.reduce((sum, c) => sum + c.size, 0),
                  language,
                )}
              </td>
              {DAYS.map((d) => (
                <Cell key={d} value={data.overall[d]} testId={`stats-retention-overall-${d}`} s={s} />
              ))}
            </tr>
            {data.cohorts.map((cohort) => (
              <tr key={cohort.day}>
                <th>
                  <time dateTime={cohort.day}>{dayText(cohort.day, language, { short: true })}</time>
                </th>
                <td>{formatInt(cohort.size, language)}</td>
                {DAYS.map((d) => (
                  <Cell
                    key={d}
                    value={cohort.size > 0 ? cohort[d] : null}
                    empty={cohort.size === 0}
                    testId={`stats-retention-${cohort.day}-${d}`}
                    s={s}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Div>
    </>
  );
}

function Cell({ value, testId, s, empty }: { value: Retained; testId: string; s: StatsMessages; empty?: boolean }) {
  const { language } = useApp();
  // A day nobody joined has no cohort to keep: a dash, not "0%".
  if (empty) return <td className={styles.unknown}>—</td>;
  if (!value) return <td className={styles.unknown}>{s.unknownYet}</td>;
  const tint = Math.round(10 + value.rate * 80);
  return (
    <td
      data-testid={testId}
      data-users={value.users}
      data-rate={value.rate}
      style={{ background: `color-mix(in srgb, var(--vkui--color_background_accent) ${tint}%, transparent)` }}
    >
      {formatShare(value.rate, language)}
    </td>
  );
}
