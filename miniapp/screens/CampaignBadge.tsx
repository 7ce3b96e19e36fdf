/** A campaign's phase as a short label, coloured by whether the user can take part now. */
import { Footnote } from '@vkontakte/vkui';
import type { Campaign } from '../api/client.ts';
import { useApp } from '../app-context.ts';
import { formatLocalDate } from '../i18n.ts';

export function campaignSubtitle(c: Campaign, t: ReturnType<typeof useApp>['t'], language: 'ru' | 'en'): string {
  const mechanic = t[`mechanic_${c.mechanic}`];
  if (c.phase === 'running') return `${mechanic} · ${t.until} ${formatLocalDate(c.endsOn, language)}`;
  if (c.phase === 'not_started') return `${mechanic} · ${t.starts} ${formatLocalDate(c.startsOn, language)}`;
  return `${mechanic} · ${t[`phase_${c.phase}`]}`;
}

export function PhaseLabel({ campaign }: { campaign: Campaign }) {
  const { t } = useApp();
  return <Footnote weight="2">{t[`phase_${campaign.phase}`]}</Footnote>;
}
