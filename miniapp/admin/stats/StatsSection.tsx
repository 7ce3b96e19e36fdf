/**
 * One measure of the dashboard in its own group: loaded on its own (a slow or failed measure does not hold up the
 * others), with loading, error-with-retry and empty states, and a CSV button that downloads the same measure for the
 * same filter from the same address (`format=csv`, or VK's downloader by a signed link: office-csv-download.ts), so
 * the file and the page show the same numbers.
 */
import { Button, Group, Header, Placeholder, Snackbar } from '@vkontakte/vkui';
import { type ReactNode, useEffect, useState } from 'react';
import { useApp } from '../../app-context.ts';
import { withReason } from '../../i18n-reason.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { statsStrings } from '../i18n-stats.ts';
import { downloadOfficeCsv } from '../office-csv-download.ts';
import { refusalText } from '../refusal-text.ts';
import { refused } from '../refused.ts';
import {
  csvFileName,
  fetchMeasure,
  measureCsv,
  type StatsFilter,
  type StatsMeasure,
  type StatsResponse,
  type StatsScope,
} from './stats-api.ts';

export interface StatsSectionProps<M extends StatsMeasure> {
  scope: StatsScope;
  measure: M;
  filter: StatsFilter;
  title: string;
  /** Nothing to draw for this period: the empty state instead of blank charts. */
  isEmpty?: (data: StatsResponse<M>) => boolean;
  /** The server refused the scope (not a member with `stats`, or no such campaign/brand): 403 or 404, its error. */
  onRefused?: (refusal: Error) => void;
  /** The answer, for the page around the section (the range the server chose). */
  onData?: (data: StatsResponse<M>) => void;
  children: (data: StatsResponse<M>) => ReactNode;
}

export function StatsSection<M extends StatsMeasure>(props: StatsSectionProps<M>) {
  const { api, language, platform } = useApp();
  const s = statsStrings(language);
  const { scope, measure, filter } = props;
  const state = useAsync(
    () => fetchMeasure(api, scope, measure, filter),
    [api, scope.kind, scope.id, measure, filter.from, filter.to, filter.platform],
  );
  const { onRefused, onData } = props;
  const refusal = refused(state) && state.status === 'error' ? state.error : undefined;
  useEffect(() => {
    if (refusal) onRefused?.(refusal);
  }, [refusal, onRefused]);
  const ready = state.status === 'ready' ? state.data : undefined;
  useEffect(() => {
    if (ready) onData?.(ready);
  }, [ready, onData]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    try {
      const range = state.status === 'ready' ? state.data.range : undefined;
      await downloadOfficeCsv(
        api,
        platform,
        measureCsv(scope, measure, filter, language, csvFileName(scope, measure, range)),
      );
    } catch (error) {
      setFailure(withReason(s.csvFailed, refusalText(error, language)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group
      data-testid={`stats-${measure}`}
      header={
        <Header
          // Long titles ("Удержание D1 / D7 / D30") wrap on a 320-px phone instead of being cut.
          multiline
          after={
            <Button
              mode="secondary"
              size="s"
              loading={busy}
              disabled={state.status !== 'ready'}
              onClick={() => void download()}
              data-testid={`stats-csv-${measure}`}
            >
              {s.csv}
            </Button>
          }
        >
          {props.title}
        </Header>
      }
    >
      <LoadState state={state}>
        {(data) =>
          props.isEmpty?.(data) ? (
            <Placeholder data-testid={`stats-empty-${measure}`}>{s.empty}</Placeholder>
          ) : (
            props.children(data)
          )
        }
      </LoadState>
      {failure && <Snackbar onClosed={() => setFailure(null)}>{failure}</Snackbar>}
    </Group>
  );
}
