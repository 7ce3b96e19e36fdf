/**
 * The wheel: daily attempts, the hour its day starts, the lose sector, and the sectors (wheel prizes). With the odds
 * deciding, each sector's chance beside it; with the prize calendar deciding (decision 089: no weight is read), no
 * chance and no weight of losing, but what decides instead and the way to the calendar (decision 095).
 */
import { Div, Footnote, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { MAX_RESET_HOUR } from '../../../../server/promo/campaign-day.ts';
import { useApp } from '../../../app-context.ts';
import { fill } from '../../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../../routes.ts';
import { FieldRow } from '../../FieldRow.tsx';
import type { WheelSettings } from '../../office-api.ts';
import { useOfficeRights } from '../../use-office.ts';
import type { SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { asBilingual, BilingualField, NumberField } from '../fields.tsx';
import { sectorChance } from './wheel-chance.ts';

const DEFAULTS: WheelSettings = {
  dailyFreeAttempts: 1,
  dailyAttemptLimit: 3,
  resetHour: 0,
  loseWeight: 1,
  loseLabel: { ru: 'Не повезло', en: 'No luck' },
};

export function WheelSection({ doc, edit }: SectionProps) {
  const { t, lang } = useEditor();
  // The office's language, not the one being edited: the chance is the office's own number.
  const { language } = useApp();
  const navigator = useRouteNavigator();
  const { sections } = useOfficeRights(doc.brandId);
  const byOdds = doc.settings.instantWin?.mode !== 'calendar';
  const wheel = { ...DEFAULTS, ...doc.settings.wheel };
  const set = (patch: Partial<WheelSettings>) =>
    edit((d) => ({ ...d, settings: { ...d.settings, wheel: { ...DEFAULTS, ...d.settings.wheel, ...patch } } }));
  const sectors = doc.rewards.filter((r) => 'wheel' in r.unlock);
  const total = sectors.reduce((s, r) => s + r.weight, 0) + wheel.loseWeight;
  const chance = (w: number) => (byOdds ? fill(t.chance, { p: sectorChance(w, total, language) }) : undefined);
  return (
    <Group header={<Header>{t.wheel}</Header>} data-testid="office-wheel">
      <FieldRow>
        <NumberField
          label={t.dailyFreeAttempts}
          path="settings.wheel.dailyFreeAttempts"
          value={wheel.dailyFreeAttempts}
          onChange={(n) => set({ dailyFreeAttempts: n ?? 0 })}
        />
        <NumberField
          label={t.dailyAttemptLimit}
          path="settings.wheel.dailyAttemptLimit"
          min={1}
          value={wheel.dailyAttemptLimit}
          onChange={(n) => set({ dailyAttemptLimit: n ?? 1 })}
        />
      </FieldRow>
      <FieldRow>
        <NumberField
          label={fill(t.dayResetHour, { max: MAX_RESET_HOUR })}
          path="settings.wheel.resetHour"
          max={MAX_RESET_HOUR}
          hint={t.dayResetHourHint}
          value={wheel.resetHour}
          // Sent as typed: 24 is the server's refusal shown on this field, not a 23 the brand did not type.
          onChange={(n) => set({ resetHour: n ?? 0 })}
        />
        {byOdds && (
          <NumberField
            label={t.loseWeight}
            path="settings.wheel.loseWeight"
            value={wheel.loseWeight}
            onChange={(n) => set({ loseWeight: n ?? 0 })}
          />
        )}
      </FieldRow>
      <BilingualField
        label={t.loseLabel}
        path="settings.wheel.loseLabel"
        value={asBilingual(wheel.loseLabel)}
        onChange={(loseLabel) => set({ loseLabel })}
      />
      <Header size="s" multiline>
        {byOdds ? t.sectors : t.sectorsByCalendar}
      </Header>
      {sectors.map((r) => (
        <SimpleCell key={r.key} indicator={chance(r.weight)} data-testid={`office-sector-${r.key}`}>
          {r.title[lang] || r.title.ru || r.key}
        </SimpleCell>
      ))}
      <SimpleCell indicator={chance(wheel.loseWeight)} data-testid="office-sector-lose">
        {asBilingual(wheel.loseLabel)[lang] || asBilingual(wheel.loseLabel).ru}
      </SimpleCell>
      {!byOdds && (
        <Div>
          <Footnote data-testid="office-wheel-by-calendar">{t.wheelByCalendar}</Footnote>
        </Div>
      )}
      {!byOdds && sections.includes('prizes') && (
        <SimpleCell
          chevron="always"
          data-testid="office-wheel-calendar"
          onClick={() => navigator.push(paths.adminCalendar(doc.id))}
        >
          {t.sectionCalendar}
        </SimpleCell>
      )}
    </Group>
  );
}
