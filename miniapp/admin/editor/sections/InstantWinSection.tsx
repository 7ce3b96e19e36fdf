/**
 * What decides an instant-win play (a wheel spin, a pack code): the prizes' odds, or the prize calendar's moments
 * (`settings.instantWin.mode`, server/promo/settings.ts). Odds is the server's default, so choosing it clears the
 * setting. The calendar's moments are made in its own section, so choosing it says where.
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../../routes.ts';
import type { CampaignSettings } from '../../office-api.ts';
import { useOfficeRights } from '../../use-office.ts';
import type { SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { ChoiceField } from '../fields.tsx';

type Mode = NonNullable<CampaignSettings['instantWin']>['mode'];
const MODES: readonly Mode[] = ['odds', 'calendar'];

export function InstantWinSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
  const navigator = useRouteNavigator();
  const { sections } = useOfficeRights(doc.brandId);
  const mode = doc.settings.instantWin?.mode ?? 'odds';
  const set = (next: Mode) =>
    edit((d) => {
      const { instantWin: _, ...settings } = d.settings;
      return { ...d, settings: next === 'odds' ? settings : { ...settings, instantWin: { mode: next } } };
    });
  return (
    <Group header={<Header>{t.instantWin}</Header>} data-testid="office-instant-win">
      <ChoiceField
        label={t.instantWinMode}
        path="settings.instantWin.mode"
        value={mode}
        options={MODES.map((m) => ({ value: m, label: t[`instantWin_${m}`] }))}
        hint={mode === 'calendar' ? t.instantWinCalendarHint : undefined}
        onChange={set}
      />
      {/* Where the moments are made (the launch is refused without one: calendar_without_moments). */}
      {mode === 'calendar' && sections.includes('prizes') && (
        <SimpleCell
          chevron="always"
          data-testid="office-instant-win-calendar"
          onClick={() => navigator.push(paths.adminCalendar(doc.id))}
        >
          {t.sectionCalendar}
        </SimpleCell>
      )}
    </Group>
  );
}
