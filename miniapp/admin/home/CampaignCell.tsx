/**
 * One campaign in the office list: title, status, dates in its time zone, revision, code stock by pool name with low
 * warnings (low by the server's rule; a pool with no code loaded yet says so, not «мало»), and a warning when a
 * scheduled campaign's start passed without the server launching it (it has errors).
 */
import { Icon16WarningTriangle } from '@vkontakte/icons';
import { Footnote, RichCell } from '@vkontakte/vkui';
import { formatDate } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import type { CampaignListItem } from '../office-api.ts';
import { useOffice } from '../use-office.ts';
import { StatusLabel } from './StatusLabel.tsx';

export function CampaignCell({ campaign: c, onClick }: { campaign: CampaignListItem; onClick?: () => void }) {
  const { t, language } = useOffice();
  // In the campaign's own time zone, as its rules and its participants read them.
  const dates = `${formatDate(c.startsAt, language, c.timeZone)} — ${formatDate(c.endsAt, language, c.timeZone)}`;
  const revision = c.revision > 0 ? fill(t.revision, { n: c.revision }) : t.neverPublished;
  return (
    <RichCell
      onClick={onClick}
      data-testid={`office-campaign-${c.id}`}
      overTitle={<StatusLabel status={c.status} />}
      subtitle={`${t[`mechanic_${c.mechanic}` as 'mechanic_tasks'] ?? c.mechanic} · ${dates} · ${revision}`}
      extraSubtitle={
        (c.startPassed || c.stock.length > 0) && (
          <>
            {c.startPassed && (
              <Footnote
                style={{ color: 'var(--vkui--color_text_negative)', display: 'flex', gap: 4 }}
                data-testid="office-start-passed"
              >
                <Icon16WarningTriangle />
                {t.startPassed}
              </Footnote>
            )}
            {c.stock.map((s) => (
              <Footnote
                key={s.poolKey}
                style={{ color: s.low ? 'var(--vkui--color_text_negative)' : undefined, display: 'flex', gap: 4 }}
                data-testid={s.low ? 'office-low-stock' : undefined}
              >
                {s.low && <Icon16WarningTriangle />}
                {fill(s.total === 0 ? t.noCodesLoaded : s.low ? t.lowStock : t.stock, {
                  pool: s.pool,
                  free: s.free,
                  total: s.total,
                })}
              </Footnote>
            ))}
          </>
        )
      }
    >
      {c.title[language] || c.title.ru}
    </RichCell>
  );
}
