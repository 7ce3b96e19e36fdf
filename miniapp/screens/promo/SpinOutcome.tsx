/** What the last spin brought: the prize with the way to its code, or a loss and why (sold out, cap, already won). */
import { Icon56GiftOutline } from '@vkontakte/icons';
import { Button, Placeholder } from '@vkontakte/vkui';
import { useEffect, useRef } from 'react';
import type { SpinResult } from '../../api/client.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { usePromoApp } from './use-promo-app.ts';
import { prefersReducedMotion } from './wheel-angle.ts';

export function SpinOutcome({ result, campaignId }: { result: SpinResult; campaignId: number }) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  const ref = useRef<HTMLDivElement>(null);
  // The result sits under the wheel; bring it into view (without animation for reduced motion).
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, []);
  if (result.outcome === 'win' && result.prize) {
    const key = result.prize.rewardKey;
    return (
      <Placeholder
        icon={<Icon56GiftOutline fill="var(--vkui--color_icon_accent)" />}
        title={fill(t.wheelWin, { prize: result.prize.title })}
        action={
          <Button size="m" onClick={() => navigator.push(paths.reward(campaignId, key))} data-testid="wheel-get-prize">
            {t.wheelGetPrize}
          </Button>
        }
        getRootRef={ref}
        data-testid="spin-win"
        role="status"
      >
        {result.prize.description}
      </Placeholder>
    );
  }
  const reason =
    result.lossReason === 'sold_out'
      ? t.wheelLoseSoldOut
      : result.lossReason === 'daily_cap'
        ? t.wheelLoseDailyCap
        : result.lossReason === 'already_won'
          ? t.wheelLoseAlreadyWon
          : t.wheelTryAgain;
  return (
    <Placeholder title={t.wheelLose} getRootRef={ref} data-testid="spin-lose" role="status">
      {reason}
    </Placeholder>
  );
}
