/**
 * The office's prize calendar for one campaign (`#/admin/campaign/:id/calendar`): whether wins follow it, the prizes'
 * moments and wins, generating moments (over the campaign, per day or per hour), importing them from CSV with the
 * server's line-numbered problems, a per-day table of moments and wins, and deleting unwon future moments.
 */
import {
  Button,
  Div,
  File,
  FormItem,
  FormStatus,
  Group,
  Header,
  Input,
  SegmentedControl,
  SimpleCell,
  Textarea,
} from '@vkontakte/vkui';
import { useMemo, useState } from 'react';
import { fileText } from '../../../server/http/csv-text.ts';
import { ApiRequestError } from '../../api/client.ts';
import { composeKey } from '../../api/client-key.ts';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import type { Language } from '../../intl-formats.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { TABLE_FILE_ACCEPT } from '../csv-file-accept.ts';
import { csvLineText, isCsvLineProblem } from '../csv-line-text.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { type CalendarMessages, calendarMessages } from '../i18n-calendar.ts';
import { refusalText } from '../refusal-text.ts';
import { type CalendarDay, calendarApi, type GenerateRequest, type PrizeCalendar } from './calendar-api.ts';

type Mode = GenerateRequest['mode'];
type Note = { lines: string[]; ok: boolean; from: 'generate' | 'import' | 'delete' };

/** The answer to the last action, shown under that action's button. */
function NoteView({ note, from }: { note: Note | null; from: Note['from'] }) {
  if (!note || note.from !== from) return null;
  return (
    <Div>
      <FormStatus mode={note.ok ? 'default' : 'error'} data-testid="calendar-note">
        {note.lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </FormStatus>
    </Div>
  );
}

/** A refused import's CSV lines, each worded by its code; any other refusal as one worded line. */
function problemLines(err: unknown, t: CalendarMessages, language: Language): string[] {
  if (err instanceof ApiRequestError && err.issues.some(isCsvLineProblem)) {
    return err.issues.map((i) => {
      const message = csvLineText(language, i);
      const line = /^line (\d+)$/.exec(i.path)?.[1];
      return line ? fill(t.errorAtLine, { n: line, message }) : fill(t.errorLine, { path: i.path, message });
    });
  }
  return [refusalText(err, language)];
}

function DayRow({ day, t }: { day: CalendarDay; t: CalendarMessages }) {
  const parts = [
    `${t.moments}: ${day.moments}`,
    `${t.won}: ${day.won}`,
    `${t.waiting}: ${day.waiting}`,
    `${t.upcoming}: ${day.upcoming}`,
    ...(day.rolledIn > 0 ? [`${t.rolledIn}: ${day.rolledIn}`] : []),
  ];
  return (
    <SimpleCell
      subtitle={parts.join(' · ')}
      after={`${day.won}/${day.moments}`}
      data-testid={`calendar-day-${day.day}`}
    >
      {day.day}
    </SimpleCell>
  );
}

interface FormProps {
  note: Note | null;
  onDone: (lines: string[], ok: boolean) => void;
}

function GenerateForm({ calendar, note, onDone }: FormProps & { calendar: PrizeCalendar }) {
  const { api, language } = useApp();
  const t = calendarMessages(language);
  const campaignId = useRouteId() ?? 0;
  const [mode, setMode] = useState<Mode>('per_day');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // One key per composed request: a retry after a lost answer draws the moments once (generation-keys.ts).
  const [keys] = useState(() => composeKey());
  const rewards = calendar.prizes
    .map((p) => ({ rewardKey: p.key, count: Number(counts[p.key] ?? 0) }))
    .filter((r) => Number.isInteger(r.count) && r.count > 0);
  const submit = async () => {
    setBusy(true);
    try {
      const asked = { mode, rewards };
      const { created } = await calendarApi(api, campaignId).generate({
        ...asked,
        clientKey: keys.keyFor(JSON.stringify(asked)),
      });
      keys.sent();
      onDone([fill(t.generated, { n: created })], true);
    } catch (err) {
      onDone(problemLines(err, t, language), false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group header={<Header>{t.generate}</Header>}>
      <FormItem top={t.mode}>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          options={(['spread', 'per_day', 'per_hour'] as const).map((m) => ({ value: m, label: t[`mode_${m}`] }))}
          data-testid="calendar-mode"
        />
      </FormItem>
      {calendar.prizes.map((p) => (
        <FormItem key={p.key} top={`${p.title} — ${mode === 'spread' ? t.countSpread : t.countPerSlot}`}>
          <Input
            type="number"
            min={0}
            value={counts[p.key] ?? ''}
            onChange={(e) => setCounts({ ...counts, [p.key]: e.target.value })}
            slotProps={{ input: { 'data-testid': `calendar-count-${p.key}` } }}
          />
        </FormItem>
      ))}
      <Div>
        <Button
          size="l"
          stretched
          loading={busy}
          disabled={rewards.length === 0}
          onClick={() => void submit()}
          data-testid="calendar-generate"
        >
          {t.generateButton}
        </Button>
      </Div>
      <NoteView note={note} from="generate" />
    </Group>
  );
}

function ImportForm({ calendar, note, onDone }: FormProps & { calendar: PrizeCalendar }) {
  const { api, language } = useApp();
  const t = calendarMessages(language);
  const campaignId = useRouteId() ?? 0;
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const { imported } = await calendarApi(api, campaignId).importCsv(csv);
      setCsv('');
      onDone([fill(t.imported, { n: imported })], true);
    } catch (err) {
      onDone(problemLines(err, t, language), false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group header={<Header>{t.importTitle}</Header>}>
      <FormItem bottom={fill(t.importHint, { zone: calendar.timeZone })} data-testid="calendar-import-hint">
        <Textarea
          value={csv}
          rows={4}
          onChange={(e) => setCsv(e.target.value)}
          placeholder="Приз;Время / reward_key,at"
          slotProps={{ textArea: { 'data-testid': 'calendar-csv' } }}
        />
      </FormItem>
      <FormItem>
        <File
          accept={TABLE_FILE_ACCEPT}
          size="m"
          mode="secondary"
          data-testid="calendar-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void fileText(file).then(setCsv);
          }}
        >
          {t.importFile}
        </File>
      </FormItem>
      <Div>
        <Button
          size="l"
          stretched
          loading={busy}
          disabled={!csv.trim()}
          onClick={() => void submit()}
          data-testid="calendar-import"
        >
          {t.importButton}
        </Button>
      </Div>
      <NoteView note={note} from="import" />
    </Group>
  );
}

/** Panel content; App.tsx wraps it in its `Panel`, lazily, so participants never load it. */
export default function CalendarSection() {
  const { api, language } = useApp();
  const t = calendarMessages(language);
  const campaignId = useRouteId();
  const calls = useMemo(() => (campaignId ? calendarApi(api, campaignId) : undefined), [api, campaignId]);
  const state = useAsync(() => (calls as ReturnType<typeof calendarApi>).load(), [calls], calls !== undefined);
  const [note, setNote] = useState<Note | null>(null);
  const doneBy = (from: Note['from']) => (lines: string[], ok: boolean) => {
    setNote({ lines, ok, from });
    if (ok && state.status === 'ready') state.reload();
  };
  const done = doneBy('delete');
  const deleteFuture = async () => {
    try {
      const { deleted } = await (calls as ReturnType<typeof calendarApi>).deleteFuture();
      done([fill(t.deleted, { n: deleted })], true);
    } catch (err) {
      done(problemLines(err, t, language), false);
    }
  };
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{t.title}</PanelHeaderWithBack>
      <LoadState state={state}>
        {(calendar) => (
          <>
            <Group>
              <InsetBanner
                title={calendar.mode === 'calendar' ? t.modeCalendar : t.modeOdds}
                data-testid="calendar-mode-banner"
              />
            </Group>
            <Group header={<Header>{t.prizes}</Header>}>
              {calendar.prizes.length === 0 && <Div>{t.noPrizes}</Div>}
              {calendar.prizes.map((p) => (
                <SimpleCell key={p.key} subtitle={fill(t.prizeLine, { moments: p.moments, won: p.won })}>
                  {p.title}
                </SimpleCell>
              ))}
            </Group>
            {calendar.prizes.length > 0 && <GenerateForm calendar={calendar} note={note} onDone={doneBy('generate')} />}
            {calendar.prizes.length > 0 && <ImportForm calendar={calendar} note={note} onDone={doneBy('import')} />}
            <Group header={<Header>{t.days}</Header>} data-testid="calendar-days">
              {calendar.days.length === 0 && <Div>{t.empty}</Div>}
              {calendar.days.map((d) => (
                <DayRow key={d.day} day={d} t={t} />
              ))}
              {calendar.days.length > 0 && (
                <Div>
                  <Button
                    size="m"
                    mode="secondary"
                    appearance="negative"
                    onClick={() => void deleteFuture()}
                    data-testid="calendar-delete-future"
                  >
                    {t.deleteFuture}
                  </Button>
                </Div>
              )}
              <NoteView note={note} from="delete" />
            </Group>
          </>
        )}
      </LoadState>
    </>
  );
}
