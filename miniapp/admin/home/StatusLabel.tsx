/** A campaign's lifecycle status as a coloured label. */
import { Footnote } from '@vkontakte/vkui';
import type { CampaignStatus } from '../office-api.ts';
import { useOffice } from '../use-office.ts';

const COLOUR: Record<CampaignStatus, string> = {
  draft: 'var(--vkui--color_text_secondary)',
  scheduled: 'var(--vkui--color_text_accent)',
  live: 'var(--vkui--color_text_positive)',
  paused: 'var(--vkui--color_text_negative)',
  ended: 'var(--vkui--color_text_secondary)',
  archived: 'var(--vkui--color_text_tertiary)',
};

export function StatusLabel({ status }: { status: CampaignStatus }) {
  const { t } = useOffice();
  return (
    <Footnote weight="2" style={{ color: COLOUR[status] }} data-testid="office-status">
      {t[`status_${status}`]}
    </Footnote>
  );
}
