/**
 * The server's problems in words (ru/en by stable code), errors first; a tap leads to the field they name. They are
 * the saved version's: with edits not yet saved the header says so, since a fixed field's problem stays listed (and a
 * new one is not) until the next save checks again. A problem of a code pool (none loaded, too few, no such pool) is not
 * fixed in any field of the editor but on the campaign's code pools screen, so for a member who holds `prizes` its tap
 * leads there (a manager tapping «В пуле нет свободных кодов» was only scrolled to the pool's picker, a dead end); a
 * member without that right is told who loads codes (decision 095), and the tap shows the pool's field.
 */
import { Icon20ErrorCircleOutline, Icon20WarningTriangleOutline } from '@vkontakte/icons';
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import type { Problem } from '../office-api.ts';
import { useOffice, useOfficeRights } from '../use-office.ts';
import { fieldId, problemText } from './editor-context.ts';
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

/** Problems whose fix is loading codes into a pool (or making one), on the pools screen. */
const POOL_PROBLEMS: ReadonlySet<string> = new Set(['pool_without_codes', 'pool_low_stock', 'unknown_pool']);

export function ProblemsList({
  problems,
  unsaved,
  campaign,
}: {
  problems: readonly Problem[];
  unsaved: boolean;
  /** The campaign the problems are of: where its code pools open, and whose brand's rights decide if they may. */
  campaign: { id: number; brandId: number };
}) {
  const { t, language } = useOffice();
  const navigator = useRouteNavigator();
  const { sections } = useOfficeRights(campaign.brandId);
  const opensPools = (p: Problem) => POOL_PROBLEMS.has(p.code) && sections.includes('prizes');
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
            extraSubtitle={
              opensPools(p) ? t.problemOpensPools : POOL_PROBLEMS.has(p.code) ? t.poolsNeedPrizesRight : undefined
            }
            chevron={opensPools(p) ? 'always' : undefined}
            onClick={() => (opensPools(p) ? navigator.push(paths.adminPools(campaign.id)) : revealField(p.path))}
            data-testid={`office-problem-${p.code}`}
          >
            {problemText(t, p, language)}
          </SimpleCell>
        ))
      )}
    </Group>
  );
}
