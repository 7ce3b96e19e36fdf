/**
 * What a campaign's screens show before the campaign has started: the «not started» placeholder, with the start when
 * the server says it (decision 105). Every screen a link can open (the campaign, its quiz, a task's quiz, a reward, the
 * prizes, the rules) says it alike; a deep link to a sub-screen said only «Акция ещё не началась.» before (decision 110).
 */
import { Icon56CalendarOutline } from '@vkontakte/icons';
import { Group, Placeholder } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import type { AsyncState } from '../../use-async.ts';
import { LoadState } from '../LoadState.tsx';
import { usePromoApp } from './use-promo-app.ts';

/**
 * "Not started yet, starts on <date>": a live campaign before its start, and a scheduled one's link. Without a date
 * (a scheduled start the server let pass, decision 110) it only asks to come back: a date gone by would be untrue.
 */
export function NotStartedPlaceholder({ date }: { date?: string | undefined }) {
  const { t } = usePromoApp();
  return (
    <Group>
      <Placeholder icon={<Icon56CalendarOutline />} title={t.notStartedTitle} data-testid="phase-not_started">
        {date === undefined ? t.notStartedLaterText : fill(t.notStartedText, { date })}
      </Placeholder>
    </Group>
  );
}

/**
 * A scheduled campaign's refusal (409 `campaign_not_started`, the only thing a participant route tells of it): its
 * `startsAt` while the start is ahead, none once it has passed; undefined for any other state.
 */
function scheduledRefusal(state: AsyncState<unknown>): { startsAt?: number } | undefined {
  const error = state.status === 'error' ? state.error : undefined;
  if (!(error instanceof ApiRequestError) || error.code !== 'campaign_not_started') return undefined;
  const startsAt = (error.detail?.params as { startsAt?: unknown } | undefined)?.startsAt;
  return typeof startsAt === 'number' ? { startsAt } : {};
}

/** `LoadState` for a campaign's screens: a campaign not started yet is the placeholder above, not an error. */
export function CampaignLoadState<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const { language } = usePromoApp();
  const scheduled = scheduledRefusal(state);
  if (scheduled) {
    const { startsAt } = scheduled;
    return <NotStartedPlaceholder date={startsAt === undefined ? undefined : formatDateTime(startsAt, language)} />;
  }
  return <LoadState state={state}>{children}</LoadState>;
}
