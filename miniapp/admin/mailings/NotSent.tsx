/**
 * A broadcast's messages closed unsent: their count, and under it how many for each reason, as the server read it from
 * each closed row (server/mailing/close-reasons.ts), the largest first. One «Отменено 40» did not tell «they turned
 * messages off» from «you stopped it» (decision 111). Each reason is a row of VKUI's own, with its icon, its words
 * wrapping on a phone and its count on the right, as the counts above it.
 */
import {
  Icon20BlockOutline,
  Icon20CancelCircleOutline,
  Icon20ClockOutline,
  Icon20DeleteOutline,
  Icon20HelpOutline,
  Icon20KeyOutline,
  Icon20MessageCrossOutline,
  Icon20UserOutline,
} from '@vkontakte/icons';
import { MiniInfoCell } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import type { CloseReason } from '../../../server/mailing/close-reasons.ts';
import type { MailingsMessages } from '../i18n-mailings.ts';
import { notSentReason } from './broadcast-state.ts';
import type { MessageStats } from './mailing-api.ts';

const ICONS: Record<CloseReason, ReactNode> = {
  consent_revoked: <Icon20MessageCrossOutline />,
  broadcast_cancelled: <Icon20CancelCircleOutline />,
  brand_switched_off: <Icon20BlockOutline />,
  no_community_token: <Icon20KeyOutline />,
  no_app_token: <Icon20KeyOutline />,
  rule_or_campaign_not_live: <Icon20ClockOutline />,
  moved_on: <Icon20UserOutline />,
  tester_reset: <Icon20DeleteOutline />,
  unrecorded: <Icon20HelpOutline />,
};

export function NotSent({
  m,
  stats,
}: {
  m: MailingsMessages;
  stats: Pick<MessageStats, 'byStatus' | 'cancelledByReason'>;
}) {
  const reasons = Object.entries(stats.cancelledByReason) as [CloseReason, number][];
  return (
    <>
      <MiniInfoCell data-testid="progress-not-sent" after={stats.byStatus.cancelled}>
        {m.notSent}
      </MiniInfoCell>
      {reasons.map(([reason, n]) => (
        <MiniInfoCell
          key={reason}
          data-testid={`progress-not-sent-${reason}`}
          before={ICONS[reason]}
          textWrap="full"
          after={n}
        >
          {notSentReason(m, reason)}
        </MiniInfoCell>
      ))}
    </>
  );
}
