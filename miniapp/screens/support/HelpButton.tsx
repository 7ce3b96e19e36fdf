/**
 * The help entry in a screen's header: opens the campaign's help, with a counter when a brand answer is unread. The
 * counter wears the accent with its label (accent-style.ts picks it by contrast): VKUI's red one put white on #ff3347,
 * 3.6:1, below AA.
 */
import { Icon28HelpOutline } from '@vkontakte/icons';
import { Counter, PanelHeaderButton } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useUnreadTickets } from './unread-store.ts';
import { useSupportApp } from './use-support-app.ts';

export function HelpButton({ campaignId }: { campaignId: number | undefined }) {
  const { t, support } = useSupportApp();
  const navigator = useRouteNavigator();
  const unread = useUnreadTickets(support.unreadTickets);
  if (campaignId === undefined) return null;
  return (
    <PanelHeaderButton
      aria-label={unread > 0 ? `${t.help}. ${fill(t.helpUnread, { n: unread })}` : t.help}
      data-testid="help-button"
      label={
        unread > 0 ? (
          <Counter size="s" mode="primary" appearance="accent" data-testid="help-unread">
            {unread}
          </Counter>
        ) : undefined
      }
      onClick={() => navigator.push(paths.help(campaignId))}
    >
      <Icon28HelpOutline />
    </PanelHeaderButton>
  );
}
