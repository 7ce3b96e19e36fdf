/**
 * The draw's entrants with their fraud flags, in the draw office: a "flagged only" filter, exclude an entry with a
 * reason or put it back while the draw has not run; after it, the frozen list, read-only. The flags are computed on
 * the server (server/promo/draw/draw-flags.ts); this screen only words them.
 */
import { Footnote, Group, Header, Placeholder, SimpleCell, Switch } from '@vkontakte/vkui';
import { useMemo, useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { type DrawEntrantsMessages, drawEntrantsEn, drawEntrantsRu } from '../i18n-draw-entrants.ts';
import { refusalText } from '../refusal-text.ts';
import type { DrawOfficeApi, OfficeEntrants } from './draw-office-api.ts';
import { type EntrantActions, EntrantCell } from './EntrantCell.tsx';

export function EntrantList({
  calls,
  language,
  version,
}: {
  calls: DrawOfficeApi;
  language: 'ru' | 'en';
  /** Changes when the draw changed (it ran): the list is read again. */
  version: string;
}) {
  const t = language === 'ru' ? drawEntrantsRu : drawEntrantsEn;
  const state = useAsync(() => calls.entrants(), [calls, version]);
  return (
    <Group header={<Header>{t.title}</Header>} data-testid="office-entrants">
      <LoadState state={state}>
        {(initial) => <Entrants key={version} initial={initial} calls={calls} t={t} language={language} />}
      </LoadState>
    </Group>
  );
}

function Entrants({
  initial,
  calls,
  t,
  language,
}: {
  initial: OfficeEntrants;
  calls: DrawOfficeApi;
  t: DrawEntrantsMessages;
  language: 'ru' | 'en';
}) {
  const [view, setView] = useState(initial);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const act = async (work: () => Promise<OfficeEntrants>) => {
    setNote(null);
    try {
      setView(await work());
    } catch (err) {
      setNote(withReason(t.error, refusalText(err, language)));
    }
  };
  const actions: EntrantActions = {
    exclude: (id, reason) => act(() => calls.exclude(id, reason)),
    include: (id) => act(() => calls.include(id)),
  };
  const flagged = useMemo(() => view.entrants.filter((e) => e.flags.length > 0), [view]);
  const shown = flaggedOnly ? flagged : view.entrants;
  const excluded = view.entrants.filter((e) => e.excluded).length;
  return (
    <>
      <Footnote style={{ padding: '0 16px 8px' }}>{view.frozen ? t.frozen : t.intro}</Footnote>
      {!view.vkChecked && <InsetBanner mode="tint" title={t.vkUnchecked} data-testid="office-entrants-vk-unchecked" />}
      {note && <InsetBanner mode="tint" title={note} onDismiss={() => setNote(null)} />}
      <SimpleCell
        Component="label"
        after={
          <Switch
            data-testid="office-entrants-flagged-only"
            checked={flaggedOnly}
            onChange={(e) => setFlaggedOnly(e.target.checked)}
          />
        }
        subtitle={fill(t.counts, { total: view.entrants.length, flagged: flagged.length, excluded })}
      >
        {t.flaggedOnly}
      </SimpleCell>
      {shown.length === 0 ? (
        <Placeholder>{flaggedOnly ? t.emptyFlagged : t.empty}</Placeholder>
      ) : (
        shown.map((e) => <EntrantCell key={e.participantId} entrant={e} frozen={view.frozen} t={t} actions={actions} />)
      )}
    </>
  );
}
