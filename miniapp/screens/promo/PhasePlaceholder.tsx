/** What a campaign that cannot be played right now says: not started (and when it starts), paused, ended. */
import { Icon56CalendarOutline, Icon56CheckCircleOutline, Icon56RecentOutline } from '@vkontakte/icons';
import { Group, Placeholder } from '@vkontakte/vkui';
import type { Campaign } from '../../api/client.ts';
import { formatLocalDate } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { usePromoApp } from './use-promo-app.ts';

export function PhasePlaceholder({ campaign, joined }: { campaign: Campaign; joined: boolean }) {
  const { t, language } = usePromoApp();
  if (campaign.phase === 'running') return null;
  const [icon, title, text] =
    campaign.phase === 'not_started'
      ? [
          <Icon56CalendarOutline key="i" />,
          t.notStartedTitle,
          fill(t.notStartedText, { date: formatLocalDate(campaign.startsOn, language) }),
        ]
      : campaign.phase === 'paused'
        ? [<Icon56RecentOutline key="i" />, t.pausedTitle, t.pausedText]
        : [<Icon56CheckCircleOutline key="i" />, t.endedTitle, joined ? t.endedText : t.endedTextNew];
  return (
    <Group>
      <Placeholder icon={icon} title={title} data-testid={`phase-${campaign.phase}`}>
        {text}
      </Placeholder>
    </Group>
  );
}
