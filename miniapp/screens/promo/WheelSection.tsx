/**
 * The wheel campaign's home: the wheel, attempts left (or when new ones come), the spin and its result (a prize
 * or a loss, with the reason), and the published odds. The server draws; the wheel only shows where it stopped.
 */
import { Button, Div, Footnote, FormStatus, Group, Header } from '@vkontakte/vkui';
import { useEffect, useRef, useState } from 'react';
import type { CampaignState, SpinResult, Task } from '../../api/client.ts';
import { formatDateTime } from '../../i18n.ts';
import { errorText } from '../../i18n-errors.ts';
import { fill } from '../../i18n-fill.ts';
import { unseenSpins, useCampaignActions } from './campaign-store.ts';
import { SpinOutcome } from './SpinOutcome.tsx';
import { inviteWithoutLink, quizAttemptsUsed } from './task-visuals.tsx';
import { type PromoServices, usePromoApp } from './use-promo-app.ts';
import { Wheel } from './Wheel.tsx';
import { WheelOdds } from './WheelOdds.tsx';
import { nextRotation, prefersReducedMotion } from './wheel-angle.ts';

function attemptsText(data: CampaignState, t: PromoServices['t'], language: 'ru' | 'en'): string {
  const a = data.wheel?.attempts;
  if (!a) return '';
  if (a.availableNow > 0) return fill(t.wheelAttempts, { n: a.availableNow });
  if (a.next === 'daily_limit') {
    return fill(t.wheelDailyLimit, { time: formatDateTime(a.nextResetAt, language, data.campaign.timeZone) });
  }
  // Tasks are offered only where one can still earn an attempt here (on OK or Telegram they may all be VK-only),
  // and the next free attempt is named, so "none left" is never a dead end (decision 112).
  const nextFree = data.wheel?.nextFreeAt;
  return [
    t.wheelNoneLeft,
    nextFree ? fill(t.wheelNextFree, { time: formatDateTime(nextFree, language, data.campaign.timeZone) }) : '',
    data.tasks.some(earnsAttemptHere) ? t.wheelTasksEarn : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A task that still earns wheel attempts and can be done on this platform now. */
const earnsAttemptHere = (task: Task) =>
  task.attemptsGranted > 0 &&
  task.state !== 'done' &&
  task.state !== 'unavailable' &&
  !inviteWithoutLink(task) &&
  !quizAttemptsUsed(task);

const sectorIndex = (result: SpinResult) =>
  Math.max(
    0,
    result.sectors.findIndex((s) => s.key === result.sector.key),
  );
const restingRotation = (result: SpinResult) => nextRotation(0, sectorIndex(result), result.sectors.length, 0);

export function WheelSection({ data }: { data: CampaignState }) {
  const { api, platform, t, language } = usePromoApp();
  const { refresh } = useCampaignActions(data.campaign.id);
  const unseen = unseenSpins(api);
  // A spin the participant left before it stopped: shown at once, the wheel where it stopped.
  const [restored] = useState(() => {
    const result = unseen.get(data.campaign.id) ?? null;
    unseen.delete(data.campaign.id);
    return result;
  });
  const [rotation, setRotation] = useState(() => (restored ? restingRotation(restored) : 0));
  const [spinning, setSpinning] = useState(false);
  const [pending, setPending] = useState<SpinResult | null>(null);
  const [shown, setShown] = useState<SpinResult | null>(restored);
  // The wheel the last draw was made on, kept while its result is on screen: after a win the state's wheel no
  // longer holds the prize, but the pointer must stay on the sector that was granted.
  const [drawn, setDrawn] = useState<SpinResult['sectors'] | null>(restored?.sectors ?? null);
  const [error, setError] = useState<string | null>(null);
  const fallback = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(fallback.current), []);
  const wheel = data.wheel;
  if (!wheel) return null;

  const reveal = (result: SpinResult | null = pending) => {
    clearTimeout(fallback.current);
    if (!result) return;
    unseen.delete(data.campaign.id);
    setPending(null);
    setShown(result);
    setSpinning(false);
    platform.haptic(result.outcome === 'win' ? 'success' : 'warning');
    void refresh();
  };

  const spin = async () => {
    setSpinning(true);
    setShown(null);
    setError(null);
    try {
      const result = await api.spinWheel(data.campaign.id);
      unseen.set(data.campaign.id, result);
      // The server drew on this user's wheel and sends it: turn exactly that wheel to exactly that sector.
      const index = sectorIndex(result);
      setDrawn(result.sectors);
      if (prefersReducedMotion()) {
        setRotation(nextRotation(rotation, index, result.sectors.length, 0));
        reveal(result);
        return;
      }
      setPending(result);
      setRotation(nextRotation(rotation, index, result.sectors.length, 5, Math.random() * 2 - 1));
      // Should the transition end unseen (a hidden tab), show the result anyway.
      fallback.current = setTimeout(() => reveal(result), 4600);
    } catch (err) {
      setError(errorText(err, language));
      setSpinning(false);
      void refresh();
    }
  };

  const running = data.campaign.phase === 'running';
  const available = (wheel.attempts?.availableNow ?? 0) > 0;
  return (
    <>
      <Group header={<Header>{t.wheelLabel}</Header>}>
        <Wheel
          sectors={drawn ?? wheel.sectors}
          rotation={rotation}
          label={t.wheelLabel}
          accent={data.campaign.theme.accent}
          onTurned={() => reveal()}
        />
        <Div style={{ paddingTop: 0 }}>
          <Button
            size="l"
            stretched
            loading={spinning}
            disabled={!running || !available || spinning}
            onClick={() => void spin()}
            data-testid="wheel-spin"
          >
            {t.wheelSpin}
          </Button>
          <Footnote
            style={{ color: 'var(--vkui--color_text_secondary)', marginTop: 12, textAlign: 'center' }}
            data-testid="wheel-attempts"
            aria-live="polite"
          >
            {spinning ? t.wheelSpinning : attemptsText(data, t, language)}
          </Footnote>
        </Div>
        {error && (
          <Div>
            <FormStatus mode="error">{error}</FormStatus>
          </Div>
        )}
        {shown && <SpinOutcome result={shown} campaignId={data.campaign.id} />}
      </Group>
      <WheelOdds data={data} />
    </>
  );
}
