/**
 * What decides an instant-win play (a wheel spin, a pack code): the prizes' odds, or the prize calendar's moments
 * (`settings.instantWin.mode`, server/promo/settings.ts). Odds is the server's default, so choosing it clears the
 * setting. The calendar's moments are made in its own section, so choosing it says where.
 */
import { Group, Header } from '@vkontakte/vkui';
import type { CampaignSettings } from '../../office-api.ts';
import type { SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { ChoiceField } from '../fields.tsx';

type Mode = NonNullable<CampaignSettings['instantWin']>['mode'];
const MODES: readonly Mode[] = ['odds', 'calendar'];

export function InstantWinSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
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
    </Group>
  );
}
