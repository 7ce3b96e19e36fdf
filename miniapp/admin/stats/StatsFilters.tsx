/**
 * The date range (inclusive days in the scope's time zone) and the platform. A range the server would refuse (its
 * start after its end, or longer than MAX_RANGE_DAYS) is shown as an error and not applied, so no request goes out
 * with it; the pickers offer no day that would make one (a typed day still can, hence the check).
 */
import { FormItem, FormLayoutGroup, Input, NativeSelect } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import { STATS_PLATFORMS, type StatsFilter, type StatsPlatform } from './stats-api.ts';
import { dayPlus, isDay, isStatsRange, MAX_RANGE_DAYS } from './stats-query.ts';

export function StatsFilters({
  filter,
  shown,
  onChange,
}: {
  filter: StatsFilter;
  /** The range the server answered with (its defaults until the member picks days). */
  shown?: { from: string; to: string };
  onChange(filter: StatsFilter): void;
}) {
  const { language } = useApp();
  const s = statsStrings(language);
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const from = draft.from ?? filter.from ?? shown?.from ?? '';
  const to = draft.to ?? filter.to ?? shown?.to ?? '';
  const bad = Boolean(from && to && !isStatsRange(from, to));
  const problem = !bad ? null : from > to ? s.badRange : fill(s.longRange, { max: String(MAX_RANGE_DAYS) });
  // The pickers' bounds: the other end, and at most MAX_RANGE_DAYS days from it.
  const span = MAX_RANGE_DAYS - 1;
  const fromBounds = isDay(to) ? { min: dayPlus(to, -span), max: to } : {};
  const toBounds = isDay(from) ? { min: from, max: dayPlus(from, span) } : {};
  const setDay = (which: 'from' | 'to', value: string) => {
    const next = { from, to, [which]: value };
    setDraft(next);
    if (isStatsRange(next.from, next.to)) onChange({ ...filter, from: next.from, to: next.to });
  };
  return (
    <div data-testid="stats-filters">
      <FormLayoutGroup mode="horizontal">
        <FormItem top={s.from} htmlFor="stats-from" status={bad ? 'error' : 'default'} bottom={problem}>
          <Input
            id="stats-from"
            type="date"
            {...fromBounds}
            value={from}
            onChange={(e) => setDay('from', e.target.value)}
            data-testid="stats-from"
          />
        </FormItem>
        <FormItem top={s.to} htmlFor="stats-to" status={bad ? 'error' : 'default'}>
          <Input
            id="stats-to"
            type="date"
            {...toBounds}
            value={to}
            onChange={(e) => setDay('to', e.target.value)}
            data-testid="stats-to"
          />
        </FormItem>
      </FormLayoutGroup>
      <FormItem top={s.platform} htmlFor="stats-platform">
        <NativeSelect
          id="stats-platform"
          value={filter.platform ?? ''}
          data-testid="stats-platform"
          onChange={(e) => {
            const value = e.target.value as StatsPlatform | '';
            onChange({ ...filter, platform: value || undefined });
          }}
        >
          <option value="">{s.allPlatforms}</option>
          {STATS_PLATFORMS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
    </div>
  );
}
