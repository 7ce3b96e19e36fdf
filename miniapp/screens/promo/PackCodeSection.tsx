/**
 * The pack-code campaign's home: the code from a product pack, checked and played on the server (each code once,
 * won by the prize calendar or the odds), the answer (the prize with the way to its code, or a loss), and the
 * participant's earlier codes.
 */
import { Icon56GiftOutline } from '@vkontakte/icons';
import { Button, Div, FormItem, FormStatus, Group, Header, Input, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { useCallback, useEffect, useState } from 'react';
import type { CampaignState, CodePlay } from '../../api/client.ts';
import { formatDateTime } from '../../i18n.ts';
import { errorText } from '../../i18n-errors.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useCampaignActions } from './campaign-store.ts';
import { usePromoApp } from './use-promo-app.ts';

function PlayOutcome({ play, campaignId }: { play: CodePlay; campaignId: number }) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  if (play.outcome === 'win' && play.prize) {
    const key = play.prize.rewardKey;
    return (
      <Placeholder
        icon={<Icon56GiftOutline fill="var(--vkui--color_icon_accent)" />}
        title={fill(t.packCodeWin, { prize: play.prize.title })}
        action={
          <Button size="m" onClick={() => navigator.push(paths.reward(campaignId, key))} data-testid="code-get-prize">
            {t.wheelGetPrize}
          </Button>
        }
        data-testid="code-win"
        role="status"
      >
        {play.repeated ? t.packCodeRepeated : play.prize.description}
      </Placeholder>
    );
  }
  return (
    <Placeholder title={t.packCodeLose} data-testid="code-lose" role="status">
      {play.repeated ? t.packCodeRepeated : t.packCodeLoseHint}
    </Placeholder>
  );
}

export function PackCodeSection({ data }: { data: CampaignState }) {
  const { api, platform, t, language } = usePromoApp();
  const { refresh } = useCampaignActions(data.campaign.id);
  const navigator = useRouteNavigator();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<CodePlay | null>(null);
  const [plays, setPlays] = useState<Omit<CodePlay, 'repeated'>[]>([]);
  const campaignId = data.campaign.id;
  const loadPlays = useCallback(async () => {
    if (data.participant) setPlays(await api.codePlays(campaignId).catch(() => []));
  }, [api, campaignId, data.participant]);
  useEffect(() => {
    void loadPlays();
  }, [loadPlays]);

  const play = async () => {
    const typed = code.trim();
    if (!typed) return;
    setBusy(true);
    setError(null);
    setShown(null);
    try {
      const result = await api.playCode(campaignId, typed);
      setShown(result);
      setCode('');
      platform.haptic(result.outcome === 'win' ? 'success' : 'warning');
      void loadPlays();
      void refresh();
    } catch (err) {
      setError(errorText(err, language));
    } finally {
      setBusy(false);
    }
  };

  const running = data.campaign.phase === 'running';
  return (
    <>
      <Group header={<Header>{t.packCodeTitle}</Header>}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void play();
          }}
        >
          <FormItem top={t.codeLabel} htmlFor="pack-code" status={error ? 'error' : 'default'}>
            <Input
              id="pack-code"
              value={code}
              placeholder={t.codePlaceholder}
              autoComplete="off"
              disabled={!running}
              onChange={(e) => setCode(e.target.value)}
              slotProps={{ input: { 'data-testid': 'pack-code-input', maxLength: 64 } }}
            />
          </FormItem>
          <Div style={{ paddingTop: 0 }}>
            <Button
              size="l"
              stretched
              type="submit"
              loading={busy}
              disabled={!running || !code.trim()}
              data-testid="pack-code-play"
            >
              {t.packCodePlay}
            </Button>
          </Div>
        </form>
        {error && (
          <Div>
            <FormStatus mode="error" data-testid="pack-code-error">
              {error}
            </FormStatus>
          </Div>
        )}
        {shown && <PlayOutcome play={shown} campaignId={campaignId} />}
      </Group>
      {plays.length > 0 && (
        <Group header={<Header>{t.packCodePlays}</Header>} data-testid="pack-code-plays">
          {plays.map((p) => (
            <SimpleCell
              key={p.playedAt}
              subtitle={formatDateTime(p.playedAt, language, data.campaign.timeZone)}
              onClick={p.prize ? () => navigator.push(paths.reward(campaignId, p.prize?.rewardKey ?? '')) : undefined}
            >
              {p.prize ? p.prize.title : t.packCodeNoPrize}
            </SimpleCell>
          ))}
        </Group>
      )}
    </>
  );
}
