/**
 * The server's problems in words (ru/en by stable code), errors first; a tap leads to the field they name. They are
 * the saved version's: with edits not yet saved the header says so, since a fixed field's problem stays listed (and a
 * new one is not) until the next save checks again. A problem of a code pool (none loaded, too few, no such pool) is not
 * fixed in any field of the editor but on the campaign's code pools screen, so for a member who holds `prizes` its tap
 * leads there (a manager tapping «В пуле нет свободных кодов» was only scrolled to the pool's picker, a dead end); a
 * member without that right is told who loads codes (decision 095), and the tap shows the pool's field. A calendar
 * without prize moments leads to the prize calendar the same way (decision 103). A date a member without `launch` may
 * not move (decision 116) has the line why on its problem, as under the field.
 */
import { Icon20ErrorCircleOutline, Icon20WarningTriangleOutline } from '@vkontakte/icons';
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import type { Problem } from '../office-api.ts';
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
const PROBLEM_PAGES: Readonly<
  Record<string, { path: (campaignId: number) => string; opens: OfficeWord; needsRight: OfficeWord }>
> = {
  pool_without_codes: { path: paths.adminPools, opens: 'problemOpensPools', needsRight: 'poolsNeedPrizesRight' },
  pool_used_up: { path: paths.adminPools, opens: 'problemOpensPools', needsRight: 'poolsNeedPrizesRight' },
  pool_low_stock: { path: paths.adminPools, opens: 'problemOpensPools', needsRight: 'poolsNeedPrizesRight' },
  unknown_pool: { path: paths.adminPools, opens: 'problemOpensPools', needsRight: 'poolsNeedPrizesRight' },
  calendar_without_moments: {
    path: paths.adminCalendar,
    opens: 'problemOpensCalendar',
    needsRight: 'calendarNeedsPrizesRight',
  },
  calendar_first_moment_later: {
    path: paths.adminCalendar,
    opens: 'problemOpensCalendar',
    needsRight: 'calendarNeedsPrizesRight',
  },
};
/** The fields a member without `launch` may not change on a published campaign (ScheduleSection.tsx). */
const DATE_PATHS = ['startsAt', 'endsAt', 'timeZone'];

type OfficeWord = 'problemOpensPools' | 'poolsNeedPrizesRight' | 'problemOpensCalendar' | 'calendarNeedsPrizesRight';

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
  const { sections } = useOfficeRights(campaign.brandId);
  const pageOf = (p: Problem) => PROBLEM_PAGES[p.code];
  const opensPage = (p: Problem) => pageOf(p) !== undefined && sections.includes('prizes');
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
            // A member who may not open the pools is told who can load the codes, not offered a way in.
            extraSubtitle={(() => {
              if (datesLine && DATE_PATHS.includes(p.path)) return datesLine;
              const page = pageOf(p);
              return page && t[opensPage(p) ? page.opens : page.needsRight];
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
