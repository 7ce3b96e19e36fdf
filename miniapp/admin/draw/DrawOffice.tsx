/**
 * The office's draw screen (`#/admin/campaign/:id/draw`, section `prizes`): status and commitment, run the draw at
 * its time, then the winners and reserves with verify / replace, the CSV export and the message to the winners; below,
 * the entrants with their fraud flags (EntrantList.tsx).
 * A lazy office chunk: nothing here reaches a participant's download.
 */
import { Button, ButtonGroup, Div, Footnote, Group, Header, MiniInfoCell, Paragraph } from '@vkontakte/vkui';
import { useMemo, useState } from 'react';
import { useApp } from '../../app-context.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { type DrawOfficeMessages, drawOfficeEn, drawOfficeRu } from '../i18n-draw.ts';
import { downloadOfficeCsv } from '../office-csv-download.ts';
import { refusalText } from '../refusal-text.ts';
import { type DrawOfficeApi, drawOfficeApi, type OfficeDraw } from './draw-office-api.ts';
import { EntrantList } from './EntrantList.tsx';
import { type PickActions, PickCell } from './PickCell.tsx';

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

/** Panel content; the shell wraps it in its `Panel`. */
export default function DrawOffice() {
  const { api, language, t: app } = useApp();
  const campaignId = useRouteId();
  const t = language === 'ru' ? drawOfficeRu : drawOfficeEn;
  const calls = useMemo(() => drawOfficeApi(api, campaignId ?? 0), [api, campaignId]);
  const state = useAsync(() => calls.view(), [calls], campaignId !== undefined);
  // A refusal (no `prizes`, no such campaign) is said by LoadState in the office's words (OfficeWording), under this
  // header with Back; it once showed «Not found», as if the page did not exist.
  return (
    <>
      <PanelHeaderWithBack back={app.back}>{t.title}</PanelHeaderWithBack>
      <LoadState state={state}>{(draw) => <DrawBody draw={draw} calls={calls} t={t} language={language} />}</LoadState>
    </>
  );
}

function DrawBody({
  draw: initial,
  calls,
  t,
  language,
}: {
  draw: OfficeDraw;
  calls: DrawOfficeApi;
  t: DrawOfficeMessages;
  language: 'ru' | 'en';
}) {
  const { api, platform } = useApp();
  const [draw, setDraw] = useState(initial);
  const [note, setNote] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setNote(null);
    try {
      await work();
    } catch (err) {
      setNote(withReason(t.error, refusalText(err, language)));
    } finally {
      setBusy(false);
    }
  };
  const actions: PickActions = {
    verify: (pickId) =>
      act(async () => {
        await calls.verify(pickId);
        setDraw(await calls.view());
      }),
    repick: (pickId, reason) => act(async () => setDraw(await calls.repick(pickId, reason))),
  };
  const settings = draw.settings;
  const when = (ms: number) => formatDateTime(ms, language, draw.timeZone);
  const standing = draw.picks.filter((p) => p.standing);
  return (
    <>
      <Group header={<Header>{t.status}</Header>} data-testid="office-draw-status">
        <Div>
          <Paragraph weight="2">{t[`status_${draw.status}`]}</Paragraph>
        </Div>
        {draw.problem === 'draw_misconfigured' && (
          <InsetBanner mode="tint" title={t.problem_draw_misconfigured} data-testid="office-draw-misconfigured" />
        )}
        {settings && (
          <>
            <MiniInfoCell>{`${t.drawAt}: ${when(settings.drawAt)}`}</MiniInfoCell>
            <MiniInfoCell>{fill(t.counts, { winners: settings.winners, reserves: settings.reserves })}</MiniInfoCell>
          </>
        )}
        {draw.entryCount !== null && <MiniInfoCell>{`${t.entries}: ${draw.entryCount}`}</MiniInfoCell>}
        <Div>
          {draw.commitment && <Hash label={t.commitment} value={draw.commitment} testId="office-commitment" />}
          {draw.seed && <Hash label={t.seed} value={draw.seed} testId="office-seed" />}
          {draw.entriesHash && <Hash label={t.entriesHash} value={draw.entriesHash} />}
          <Footnote style={{ marginTop: 8 }}>{`${t.algorithm}: ${draw.algorithm.name}`}</Footnote>
        </Div>
        {draw.status === 'committed' && (
          <Div>
            {!draw.canDraw && settings && <Footnote>{fill(t.tooEarly, { date: when(settings.drawAt) })}</Footnote>}
            {confirming && (
              // `normalize` makes VKUI's Paragraph (an inline span) a block, or its margin is dead and the warning
              // sat flush on the buttons.
              <Paragraph normalize style={{ marginBottom: 8 }} data-testid="office-run-confirm">
                {t.runConfirm}
              </Paragraph>
            )}
            <ButtonGroup mode="horizontal" gap="m" stretched>
              <Button
                size="l"
                stretched
                disabled={!draw.canDraw}
                loading={busy}
                appearance={confirming ? 'negative' : 'accent'}
                data-testid="office-run-draw"
                onClick={() => (confirming ? act(async () => setDraw(await calls.run())) : setConfirming(true))}
              >
                {t.run}
              </Button>
              {confirming && (
                <Button size="l" mode="secondary" onClick={() => setConfirming(false)}>
                  {t.cancel}
                </Button>
              )}
            </ButtonGroup>
          </Div>
        )}
      </Group>
      {note && <InsetBanner mode="tint" title={note} onDismiss={() => setNote(null)} />}
      {info && (
        <InsetBanner mode="tint" title={info} onDismiss={() => setInfo(null)} data-testid="office-announce-result" />
      )}
      {draw.status === 'drawn' && (
        <>
          <PickGroup title={t.winners} picks={standing.filter((p) => p.role === 'winner')} t={t} actions={actions} />
          <PickGroup title={t.reserves} picks={standing.filter((p) => p.role === 'reserve')} t={t} actions={actions} />
          <PickGroup title={t.replaced} picks={draw.picks.filter((p) => !p.standing)} t={t} actions={actions} />
          <Group>
            <Div>
              <ButtonGroup mode="horizontal" gap="m" stretched>
                <Button
                  mode="secondary"
                  stretched
                  data-testid="office-draw-csv"
                  onClick={() => act(() => downloadOfficeCsv(api, platform, calls.winnersCsv))}
                >
                  {t.export}
                </Button>
                <Button
                  stretched
                  loading={busy}
                  data-testid="office-announce"
                  onClick={() =>
                    act(async () => {
                      const r = await calls.announce();
                      setDraw(await calls.view());
                      setInfo(fill(t.announceResult, { ...r }));
                    })
                  }
                >
                  {t.announce}
                </Button>
              </ButtonGroup>
            </Div>
          </Group>
        </>
      )}
      {draw.status !== 'none' && draw.problem === null && (
        <EntrantList calls={calls} language={language} version={draw.status} />
      )}
    </>
  );
}

function Hash({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <>
      <Footnote style={{ marginTop: 8 }}>{label}</Footnote>
      <Paragraph style={mono} data-testid={testId}>
        {value}
      </Paragraph>
    </>
  );
}

function PickGroup({
  title,
  picks,
  t,
  actions,
}: {
  title: string;
  picks: OfficeDraw['picks'];
  t: DrawOfficeMessages;
  actions: PickActions;
}) {
  if (picks.length === 0) return null;
  return (
    <Group header={<Header>{title}</Header>}>
      {picks.map((p) => (
        <PickCell key={p.id} pick={p} t={t} actions={actions} />
      ))}
    </Group>
  );
}
