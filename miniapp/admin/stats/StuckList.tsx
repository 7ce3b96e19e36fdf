/**
 * The people stuck at one stage (`#/admin/campaign/:id/stats/stuck/:stage?hours=24`), oldest first: who (a VK id
 * linked to the profile the server names), how long ago they reached the stage, where they came from; the total, «show
 * more» by the server's keyset cursor, and the same list as CSV. A refusal is the server's, worded by the office.
 */
import { Button, Group, Header, Placeholder, SimpleCell, Snackbar } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { type StuckMessages, stuckStrings } from '../i18n-stuck.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import { launchSourceText } from '../launch-source.ts';
import { downloadOfficeCsv } from '../office-csv-download.ts';
import { PersonWho } from '../PersonWho.tsx';
import { refusalText } from '../refusal-text.ts';
import { ShowMore } from '../ShowMore.tsx';
import { stageLabel } from '../stage-label.ts';
import { campaignFunnel } from './campaign-funnel.ts';
import { StuckHoursChoice } from './StuckHoursChoice.tsx';
import { formatInt } from './stats-format.ts';
import {
  fetchStuck,
  nextCursor,
  STUCK_PAGE_SIZE,
  type StuckCursor,
  type StuckHours,
  type StuckPage,
  type StuckPerson,
  stuckCsv,
} from './stuck-api.ts';
import { agoText } from './stuck-format.ts';

export function StuckList(props: { campaignId: number; stage: string; hours: StuckHours; pageSize?: number }) {
  const { campaignId, stage, hours, pageSize = STUCK_PAGE_SIZE } = props;
  const { api, language } = useApp();
  const s = stuckStrings(language);
  const navigator = useRouteNavigator();
  // Only for the stage's words (a task stage by its task's title); the list does not wait for it.
  const funnel = useAsync(() => campaignFunnel(api, campaignId), [api, campaignId]);
  const label = stageLabel(stage, language, funnel.status === 'ready' ? funnel.data.taskTitles : {});
  const title = fill(s.stageTitle, { stage: label });
  const first = useAsync(
    () => fetchStuck(api, campaignId, { stage, minHours: hours, limit: pageSize }),
    [api, campaignId, stage, hours, pageSize],
  );
  if (first.status !== 'ready') return <LoadStateScreen state={first} title={title} />;
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{title}</PanelHeaderWithBack>
      <Group>
        <StuckHoursChoice
          s={s}
          hours={hours}
          onChange={(h) => navigator.replace(paths.adminStuckStage(campaignId, stage, h))}
        />
      </Group>
      {/* A new time or stage is a new list from its first page. */}
      <People key={`${stage}|${hours}`} {...props} pageSize={pageSize} first={first.data} s={s} />
    </>
  );
}

function People(props: {
  campaignId: number;
  stage: string;
  hours: StuckHours;
  pageSize: number;
  first: StuckPage;
  s: StuckMessages;
}) {
  const { campaignId, stage, hours, pageSize, first, s } = props;
  const { api, language, platform } = useApp();
  const [more, setMore] = useState<{ rows: StuckPerson[]; total: number; next: StuckCursor | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [csvFailure, setCsvFailure] = useState<string | null>(null);
  const rows = [...first.rows, ...(more?.rows ?? [])];
  const total = more?.total ?? first.total;
  const next = more ? more.next : nextCursor(first, rows.length, pageSize);
  // One moment for the whole list, so two people reached at the same time read the same.
  const [now] = useState(() => Date.now());
  const loadMore = async (after: StuckCursor) => {
    setLoading(true);
    setFailed(null);
    try {
      const page = await fetchStuck(api, campaignId, { stage, minHours: hours, limit: pageSize, after });
      setMore((m) => {
        const shown = rows.length + page.rows.length;
        return { rows: [...(m?.rows ?? []), ...page.rows], total: page.total, next: nextCursor(page, shown, pageSize) };
      });
    } catch (e) {
      setFailed(withReason(s.moreFailed, refusalText(e, language)));
    } finally {
      setLoading(false);
    }
  };
  const download = async () => {
    setBusy(true);
    try {
      await downloadOfficeCsv(api, platform, stuckCsv(campaignId, stage, hours));
    } catch (e) {
      setCsvFailure(withReason(s.csvFailed, refusalText(e, language)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group
      data-testid="stuck-list"
      header={
        <Header
          multiline
          subtitle={
            rows.length < total
              ? fill(s.shown, { shown: formatInt(rows.length, language), total: formatInt(total, language) })
              : undefined
          }
          after={
            <Button
              mode="secondary"
              size="s"
              loading={busy}
              disabled={total === 0}
              onClick={() => void download()}
              data-testid="stuck-csv"
            >
              {s.csv}
            </Button>
          }
        >
          <span data-testid="stuck-total" data-value={total}>
            {fill(s.total, { n: formatInt(total, language) })}
          </span>
        </Header>
      }
    >
      {rows.length === 0 ? (
        <Placeholder data-testid="stuck-empty" title={s.nobody}>
          {s.nobodyText}
        </Placeholder>
      ) : (
        rows.map((p) => (
          <SimpleCell
            key={p.participantId}
            multiline
            data-testid={`stuck-person-${p.participantId}`}
            data-user={p.userId}
            subtitle={[
              fill(s.reached, { ago: agoText(p.stageReachedAt, now, language) }),
              p.source ? fill(s.source, { source: launchSourceText(p.source, language) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          >
            <PersonWho person={p} />
          </SimpleCell>
        ))
      )}
      {next && (
        <ShowMore
          label={s.more}
          loading={loading}
          failed={failed}
          onClick={() => void loadMore(next)}
          testId="stuck-more"
        />
      )}
      {csvFailure && <Snackbar onClosed={() => setCsvFailure(null)}>{csvFailure}</Snackbar>}
    </Group>
  );
}
