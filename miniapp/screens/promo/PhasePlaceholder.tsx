/** What a campaign that cannot be played right now says: not started (and when it starts), paused, ended. */
import { Icon56CheckCircleOutline, Icon56RecentOutline } from '@vkontakte/icons';
import { Group, Placeholder } from '@vkontakte/vkui';
import type { Campaign } from '../../api/client.ts';
import { formatLocalDate } from '../../i18n.ts';
import { NotStartedPlaceholder } from './CampaignLoadState.tsx';
import { usePromoApp } from './use-promo-app.ts';

export function PhasePlaceholder({ campaign, joined }: { campaign: Campaign; joined: boolean }) {
  const { t, language } = usePromoApp();
  if (campaign.phase === 'running') return null;
  if (campaign.phase === 'not_started')
    return <NotStartedPlaceholder date={formatLocalDate(campaign.startsOn, language)} />;
  const [icon, title, text] =
    campaign.phase === 'paused'
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
