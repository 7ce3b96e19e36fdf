/**
 * The server's problems in words (ru/en by stable code), errors first; a tap leads to the field they name. They are
 * the saved version's: with edits not yet saved the header says so, since a fixed field's problem stays listed (and a
 * new one is not) until the next save checks again. A problem of a code pool (none loaded, too few, no such pool) is not
 * fixed in any field of the editor but on the campaign's code pools screen, so for a member who holds `prizes` its tap
 * leads there (a manager tapping «В пуле нет свободных кодов» was only scrolled to the pool's picker, a dead end); a
 * member without that right is told who loads codes (decision 095), and the tap shows the pool's field; while the
 * member's rights are not known (asked, or the request failed), only what loading takes, with no claim about them. A calendar
 * without prize moments leads to the prize calendar the same way (decision 103). A date a member without `launch` may
 * not move (decision 116) has the line why on its problem, as under the field.
 */
import { Icon20ErrorCircleOutline, Icon20WarningTriangleOutline } from '@vkontakte/icons';
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import type { Problem } from '../office-api.ts';
import { byRight, holdsRight } from '../right-known.ts';
import { useOffice, useOfficeRights } from '../use-office.ts';
import { datesLockedLine, type EditorState, fieldId, problemText } from './editor-context.ts';
import { fieldLabel } from './field-label.ts';

/** Scrolls to and focuses the field of `path`, or of the nearest enclosing path that has a field on screen. */
export function revealField(path: string): void {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
  }
}

/**
 * Problems fixed on a page of their own, not in a field of the editor: loading codes into a pool (or making one) on the
 * pools screen, prize moments on the prize calendar (a calendar with none was only scrolled to the mode field, which
 * cannot add one). Both pages are the `prizes` right's: `opens` offers the way in, `needsRight` says who has it.
 */
const POOLS_PAGE = {
  path: paths.adminPools,
  words: { holds: 'problemOpensPools', lacks: 'poolsNeedPrizesRight', unknown: 'poolsRightsUnknown' },
} as const;
const CALENDAR_PAGE = {
  path: paths.adminCalendar,
  words: { holds: 'problemOpensCalendar', lacks: 'calendarNeedsPrizesRight', unknown: 'calendarRightsUnknown' },
} as const;
/** `words`: the way in (`prizes` held), who has it (not held), what the page takes (the member's rights not known). */
const PROBLEM_PAGES: Readonly<
  Record<string, { path: (campaignId: number) => string; words: Record<'holds' | 'lacks' | 'unknown', OfficeWord> }>
> = {
  pool_without_codes: POOLS_PAGE,
  pool_used_up: POOLS_PAGE,
  pool_low_stock: POOLS_PAGE,
  unknown_pool: POOLS_PAGE,
  calendar_without_moments: CALENDAR_PAGE,
  calendar_first_moment_later: CALENDAR_PAGE,
};
/** The fields a member without `launch` may not change on a published campaign (ScheduleSection.tsx). */
const DATE_PATHS = ['startsAt', 'endsAt', 'timeZone'];

type OfficeWord =
  | 'problemOpensPools'
  | 'poolsNeedPrizesRight'
  | 'poolsRightsUnknown'
  | 'problemOpensCalendar'
  | 'calendarNeedsPrizesRight'
  | 'calendarRightsUnknown';

export function ProblemsList({
  problems,
  unsaved,
  campaign,
  datesLocked,
}: {
  problems: readonly Problem[];
  unsaved: boolean;
  /**
   * Why the start, end and zone are locked for this member, when they are (no `launch`, decision 116, or rights
   * unknown): the line why is said on those fields' problems, and a problem that would ask to move one says who can.
   */
  datesLocked?: EditorState['datesWhy'];
  /** The campaign the problems are of: where its code pools open, and whose brand's rights decide if they may. */
  campaign: { id: number; brandId: number };
}) {
  const { t, language } = useOffice();
  const datesLine = datesLockedLine(t, datesLocked);
  const navigator = useRouteNavigator();
  const mayOpen = holdsRight(useOfficeRights(campaign.brandId), 'prizes');
  const pageOf = (p: Problem) => PROBLEM_PAGES[p.code];
  const opensPage = (p: Problem) => pageOf(p) !== undefined && mayOpen === true;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Group
      header={<Header subtitle={unsaved ? t.problemsOfSavedVersion : undefined}>{t.problems}</Header>}
      data-testid="office-problems"
    >
      {sorted.length === 0 ? (
        <SimpleCell>{t.noProblems}</SimpleCell>
      ) : (
        sorted.map((p) => (
          <SimpleCell
            key={`${p.path}:${p.code}`}
            multiline
            before={
              p.severity === 'error' ? (
                <Icon20ErrorCircleOutline color="var(--vkui--color_icon_negative)" />
              ) : (
                <Icon20WarningTriangleOutline color="var(--vkui--color_icon_secondary)" />
              )
            }
            // The field as the form names it, not its path (`endsAt` meant nothing to a manager).
            subtitle={`${t[`severity_${p.severity}`]} · ${fieldLabel(p.path, t, language)}`}
            // A member who may not open the pools is told who can load the codes, not offered a way in; while their
            // rights are not known, what the page takes (no claim that they lack it).
            extraSubtitle={(() => {
              if (datesLine && DATE_PATHS.includes(p.path)) return datesLine;
              const page = pageOf(p);
              return page && t[byRight(mayOpen, page.words)];
            })()}
            chevron={opensPage(p) ? 'always' : undefined}
            onClick={() => {
              const page = pageOf(p);
              if (page && opensPage(p)) navigator.push(page.path(campaign.id));
              else revealField(p.path);
            }}
            data-testid={`office-problem-${p.code}`}
          >
            {problemText(t, p, language, datesLocked)}
          </SimpleCell>
        ))
      )}
    </Group>
  );
}
