/** How the dashboard writes its numbers: integers grouped per language, shares as percentages, durations in units. */
import { fill } from '../../i18n-fill.ts';
import { dateTimeFormat, numberFormat } from '../../intl-formats.ts';
import type { StatsMessages } from '../i18n-stats.ts';
import { percentText } from '../percent-text.ts';
import type { StatsResponse } from './stats-api.ts';

// The shared formatters (intl-formats.ts): a chart's ticks and table cells format hundreds of numbers a render.
export const formatInt = (n: number, language: 'ru' | 'en') =>
  numberFormat(language, { maximumFractionDigits: 0 }).format(n);

export const formatNumber = (n: number, language: 'ru' | 'en') =>
  numberFormat(language, { maximumFractionDigits: 2 }).format(n);

/** 0.1234 → "12.3%" (ru: "12,3 %"): the office's percent (../percent-text.ts). */
export const formatShare = (rate: number, language: 'ru' | 'en') => percentText(rate, language);

/**
 * A day of the statistics ('YYYY-MM-DD', a calendar day in the campaign's zone) in words, as the rest of the office
 * writes dates: "1 декабря" / "1 December" (`short`: "1 дек." / "1 Dec"), the year only when it is not this year.
 * Formatted at its midday in UTC, so no reader's time zone moves it to the day before or after.
 * @example dayText('2026-12-01', 'ru', { now: Date.UTC(2026, 5, 1) }) === '1 декабря'
 */
export function dayText(
  day: string,
  language: 'ru' | 'en',
  { short = false, now = Date.now() }: { short?: boolean; now?: number } = {},
): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(at)) return day;
  const thisYear = new Date(at).getUTCFullYear() === new Date(now).getUTCFullYear();
  return dateTimeFormat(language, {
    day: 'numeric',
    month: short ? 'short' : 'long',
    ...(thisYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(at);
}

/** Milliseconds as seconds, minutes or hours, whichever reads best. */
export function formatDuration(ms: number, s: StatsMessages, language: 'ru' | 'en'): string {
  const n = (v: number) => formatNumber(Math.round(v * 10) / 10, language);
  if (ms < 60_000) return fill(s.seconds, { n: n(ms / 1000) });
  if (ms < 3_600_000) return fill(s.minutes, { n: n(ms / 60_000) });
  return fill(s.hours, { n: n(ms / 3_600_000) });
}

/** "+12.5%" / "−3%" (ru: "+12,5 %") for a change against the previous period, `pct` in percent. */
export function formatChange(pct: number, language: 'ru' | 'en'): string {
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${percentText(Math.abs(pct) / 100, language, { digits: 2 })}`;
}

/** A key number of the summary in its own unit. */
export function formatKpi(
  kpi: StatsResponse<'summary'>['kpis'][number]['key'],
  value: number,
  s: StatsMessages,
  language: 'ru' | 'en',
): string {
  if (kpi === 'median_session_ms') return formatDuration(value, s, language);
  if (kpi === 'error_rate') return formatShare(value, language);
  if (kpi === 'sessions_per_user') return formatNumber(value, language);
  return formatInt(value, language);
}

type FunnelStage = StatsResponse<'funnel'>['funnels'][number]['stages'][number];

/**
 * A funnel stage's line under its name: its share of the first stage, and from the second stage on how many dropped
 * off and the median time from the previous stage. A funnel no one has entered has no shares to speak of (each
 * would read "0 % of the first stage"), so they are left out until the first stage has someone.
 */
export function funnelStageSubtitle(
  stages: readonly FunnelStage[],
  index: number,
  s: StatsMessages,
  language: 'ru' | 'en',
): string {
  const stage = stages[index];
  if (!stage) return '';
  const anyoneEntered = (stages[0]?.count ?? 0) > 0;
  return [
    anyoneEntered ? `${percentText(stage.pctOfFirst / 100, language, { digits: 2 })} ${s.ofFirst}` : null,
    index > 0 ? fill(s.dropOff, { n: formatInt(stage.dropOff, language) }) : null,
    index > 0 && stage.medianMsFromPrevious !== null
      ? fill(s.medianTime, { time: formatDuration(stage.medianMsFromPrevious, s, language) })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A participant screen as the statistics name it: the app's panel id (what telemetry records) in words; a name the
 * office does not know (a panel added later, an older app) is shown as recorded.
 */
export function screenName(screen: string, s: StatsMessages): string {
  const key = `screen_${screen}`;
  return Object.hasOwn(s, key) ? (s[key as keyof StatsMessages] as string) : screen;
}
