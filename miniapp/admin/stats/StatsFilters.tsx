/**
 * The date range (inclusive days in the scope's time zone) and the platform. A range whose start is after its end is
 * shown as an error and not applied, so no request goes out with it.
 */
import { FormItem, FormLayoutGroup, Input, NativeSelect } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../../app-context.ts';
import { statsStrings } from '../i18n-stats.ts';
import { STATS_PLATFORMS, type StatsFilter, type StatsPlatform } from './stats-api.ts';

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
  const bad = Boolean(from && to && from > to);
  const setDay = (which: 'from' | 'to', value: string) => {
    const next = { from, to, [which]: value };
    setDraft(next);
    if (next.from && next.to && next.from <= next.to) onChange({ ...filter, from: next.from, to: next.to });
  };
  return (
    <div data-testid="stats-filters">
      <FormLayoutGroup mode="horizontal">
        <FormItem top={s.from} htmlFor="stats-from" status={bad ? 'error' : 'default'} bottom={bad ? s.badRange : null}>
          <Input
            id="stats-from"
            type="date"
            value={from}
            onChange={(e) => setDay('from', e.target.value)}
            data-testid="stats-from"
          />
        </FormItem>
        <FormItem top={s.to} htmlFor="stats-to" status={bad ? 'error' : 'default'}>
          <Input
            id="stats-to"
            type="date"
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
