/**
 * A giveaway's draw on the campaign screen: whether the participant is in it (or what they still miss), the
 * commitment published at the launch and, after the draw, the revealed seed, the winners as masked ids and how to
 * check it all yourself (GET /api/campaigns/{id}/draw).
 */
import { Icon28CheckCircleOutline } from '@vkontakte/icons';
import { Div, Footnote, Group, Header, MiniInfoCell, Paragraph, SimpleCell, Subhead } from '@vkontakte/vkui';
import type { z } from 'zod';
import type { ParticipantDrawSchema } from '../../../server/promo/draw/draw.schemas.ts';
import type { CampaignState } from '../../api/client.ts';
import { formatDateTime } from '../../i18n.ts';
import { drawResultsEn, drawResultsRu } from '../../i18n-draw-results.ts';
import { fill } from '../../i18n-fill.ts';
import { useAsync } from '../../use-async.ts';
import { usePromoApp } from './use-promo-app.ts';

export type ParticipantDraw = z.infer<typeof ParticipantDrawSchema>;
type Pick = NonNullable<ParticipantDraw['results']>['winners'][number];

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

export function DrawSection({ data }: { data: CampaignState }) {
  const { api, language } = usePromoApp();
  const id = data.campaign.id;
  // Reloaded when the participant's tasks change, so "what is missing" follows what they just did.
  const doneKey = data.tasks.map((task) => `${task.key}:${task.state}`).join(',');
  const state = useAsync(() => api.request<ParticipantDraw>('GET', `/api/campaigns/${id}/draw`), [api, id, doneKey]);
  if (state.status !== 'ready' || state.data.status === 'none') return null;
  return (
    <DrawView
      draw={state.data}
      campaignId={id}
      timeZone={data.campaign.timeZone}
      t={language === 'ru' ? drawResultsRu : drawResultsEn}
      language={language}
    />
  );
}

export function DrawView({
  draw,
  campaignId,
  timeZone,
  t,
  language,
}: {
  draw: ParticipantDraw;
  campaignId: number;
  timeZone: string;
  t: typeof drawResultsRu;
  language: 'ru' | 'en';
}) {
  const me = draw.me;
  const results = draw.results;
  return (
    <>
      <Group header={<Header>{t.drawTitle}</Header>} data-testid="draw-section">
        {draw.drawAt !== null && (
          <MiniInfoCell>{fill(t.drawAt, { date: formatDateTime(draw.drawAt, language, timeZone) })}</MiniInfoCell>
        )}
        <MiniInfoCell>{fill(t.drawCount, { winners: draw.winners, reserves: draw.reserves })}</MiniInfoCell>
        {!results && me && (
          <Div data-testid={me.entered ? 'draw-entered' : 'draw-missing'}>
            {me.entered ? (
              <SimpleCell before={<Icon28CheckCircleOutline />} subtitle={t.enteredText} multiline>
                {t.entered}
              </SimpleCell>
            ) : (
              <>
                <Subhead weight="2">{me.joined ? t.missingTitle : t.notJoined}</Subhead>
                {me.joined &&
                  me.missing.map((m) => (
                    <Paragraph key={m.key} Component="p">
                      • {m.title}
                    </Paragraph>
                  ))}
              </>
            )}
          </Div>
        )}
        <Div>
          <Footnote>{t.commitment}</Footnote>
          <Paragraph style={mono} data-testid="draw-commitment">
            {draw.commitment ?? t.awaitingLaunch}
          </Paragraph>
          <Footnote style={{ marginTop: 8 }}>
            {t.algorithm}: {draw.algorithm.name}
          </Footnote>
        </Div>
      </Group>
      {results && (
        <Group header={<Header>{t.resultsTitle}</Header>} data-testid="draw-results">
          <PickList title={t.winners} picks={results.winners} mine={me?.entryHash} t={t} />
          <PickList title={t.reserves} picks={results.reserves} mine={me?.entryHash} t={t} />
          <PickList title={t.replaced} picks={results.replaced} mine={me?.entryHash} t={t} />
          <Div>
            <Footnote>{t.seed}</Footnote>
            <Paragraph style={mono} data-testid="draw-seed">
              {results.seed}
            </Paragraph>
            <Footnote style={{ marginTop: 8 }}>{fill(t.entriesHash, { count: results.entryCount })}</Footnote>
            <Paragraph style={mono}>{results.entriesHash}</Paragraph>
          </Div>
          <Div>
            <Subhead weight="2">{t.checkTitle}</Subhead>
            <Paragraph Component="p" style={{ marginTop: 4 }}>
              {fill(t.checkText, { id: campaignId, mine: me?.entryHash ?? '' })}
            </Paragraph>
            <ol style={{ paddingInlineStart: 20 }}>
              {draw.algorithm.steps.map((step) => (
                <li key={step}>
                  <Footnote style={mono}>{step}</Footnote>
                </li>
              ))}
            </ol>
          </Div>
        </Group>
      )}
    </>
  );
}

function PickList({
  title,
  picks,
  mine,
  t,
}: {
  title: string;
  picks: Pick[];
  mine: string | undefined;
  t: typeof drawResultsRu;
}) {
  if (picks.length === 0) return null;
  return (
    <>
      <Header size="s">{title}</Header>
      {picks.map((p) => (
        <SimpleCell
          key={p.position}
          multiline
          before={<Paragraph weight="2">{p.position}</Paragraph>}
          subtitle={fill(t.entryLine, { index: p.index, hash: `${p.hash.slice(0, 12)}…` })}
          after={p.hash === mine ? t.you : undefined}
          data-testid="draw-pick"
        >
          {p.masked}
        </SimpleCell>
      ))}
    </>
  );
}
