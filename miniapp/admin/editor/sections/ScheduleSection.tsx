/**
 * Dates in the campaign's own time zone, the zone itself, the legal type (which drives the rules page), and the hour
 * the campaign's day starts (its daily limits reset; a wheel's own hour is in its section). A member without the
 * `launch` right sees a published campaign's start, end and zone disabled, with one line why (decision 116); so does
 * one whose rights could not be learnt (the line says that, and the editor's banner offers Retry).
 */
import { Footnote, FormItem, Group, Header, Input } from '@vkontakte/vkui';
import { MAX_RESET_HOUR } from '../../../../server/promo/campaign-day.ts';
import { fill } from '../../../i18n-fill.ts';
import { FieldRow } from '../../FieldRow.tsx';
import { COMMON_TIME_ZONES, fromWallTime, toWallTime, zoneLabel } from '../../zoned-time.ts';
import type { SectionProps } from '../document-edit.ts';
import { datesLockedLine, datesLockedWhy, fieldId, problemsAt, problemText, useEditor } from '../editor-context.ts';
import { ChoiceField, NumberField } from '../fields.tsx';

const LEGAL_TYPES = ['instant_win', 'draw', 'merit_contest', 'giveaway'] as const;

function DateField({
  label,
  path,
  ms,
  zone,
  onChange,
}: {
  label: string;
  path: string;
  ms: number;
  zone: string;
  onChange: (ms: number) => void;
}) {
  const { problems, readOnly, datesLocked, datesWhy, t, language } = useEditor();
  const problem = problemsAt(problems, path)[0];
  return (
    <FormItem
      top={`${label} (${zoneLabel(zone, ms)})`}
      htmlFor={fieldId(path)}
      status={problem?.severity === 'error' ? 'error' : undefined}
      bottom={problem && problemText(t, problem, language, datesLockedWhy({ datesLocked, datesWhy }))}
    >
      <Input
        id={fieldId(path)}
        data-testid={fieldId(path)}
        type="datetime-local"
        disabled={readOnly || datesLocked}
        value={toWallTime(ms, zone)}
        onChange={(e) => {
          const next = fromWallTime(e.target.value, zone);
          if (next !== undefined) onChange(next);
        }}
      />
    </FormItem>
  );
}

/**
 * The hour the campaign's day starts, as the server reads it (promo-context.ts `resetHourOf`): the wheel's own when the
 * settings hold a wheel (edited in its section for a wheel campaign), else `settings.resetHour`. Empty is absent: the
 * server's midnight. A number past 23 is sent as typed, so the field shows the server's refusal.
 */
function DayResetField({ doc, edit }: SectionProps) {
  const { t } = useEditor();
  // A calculator gives leads, not prizes: no daily limit to reset.
  if (doc.mechanic === 'wheel' || doc.mechanic === 'calculator') return null;
  const wheel = doc.settings.wheel;
  const path = wheel ? 'settings.wheel.resetHour' : 'settings.resetHour';
  const set = (resetHour: number | null) =>
    edit((d) => {
      if (d.settings.wheel)
        return { ...d, settings: { ...d.settings, wheel: { ...d.settings.wheel, resetHour: resetHour ?? 0 } } };
      const { resetHour: _, ...settings } = d.settings;
      return { ...d, settings: resetHour === null ? settings : { ...settings, resetHour } };
    });
  return (
    <NumberField
      label={fill(t.dayResetHour, { max: MAX_RESET_HOUR })}
      path={path}
      nullable
      max={MAX_RESET_HOUR}
      hint={t.dayResetHourHint}
      value={wheel ? wheel.resetHour : doc.settings.resetHour}
      onChange={set}
    />
  );
}

export function ScheduleSection({ doc, edit }: SectionProps) {
  const { t, datesLocked, datesWhy } = useEditor();
  const zones = COMMON_TIME_ZONES.includes(doc.timeZone as never)
    ? COMMON_TIME_ZONES
    : [doc.timeZone, ...COMMON_TIME_ZONES];
  return (
    <Group header={<Header>{t.schedule}</Header>}>
      <FieldRow>
        <DateField
          label={t.startsAt}
          path="startsAt"
          ms={doc.startsAt}
          zone={doc.timeZone}
          onChange={(startsAt) => edit((d) => ({ ...d, startsAt }))}
        />
        <DateField
          label={t.endsAt}
          path="endsAt"
          ms={doc.endsAt}
          zone={doc.timeZone}
          onChange={(endsAt) => edit((d) => ({ ...d, endsAt }))}
        />
      </FieldRow>
      {datesLocked && datesWhy && (
        <Footnote
          style={{ padding: '0 16px 8px', color: 'var(--vkui--color_text_secondary)' }}
          data-testid={datesWhy === 'no_launch' ? 'office-dates-need-launch' : 'office-dates-rights-unknown'}
        >
          {datesLockedLine(t, datesWhy)}
        </Footnote>
      )}
      <FieldRow>
        <ChoiceField
          label={t.timeZone}
          disabled={datesLocked}
          path="timeZone"
          value={doc.timeZone}
          // With the offset at the campaign's start: an IANA id alone does not say which hour a brand is picking.
          options={zones.map((z) => ({ value: z, label: zoneLabel(z, doc.startsAt) }))}
          // The wall times stay as the brand set them; the instants move with the zone.
          onChange={(timeZone) =>
            edit((d) => ({
              ...d,
              timeZone,
              startsAt: fromWallTime(toWallTime(d.startsAt, d.timeZone), timeZone) ?? d.startsAt,
              endsAt: fromWallTime(toWallTime(d.endsAt, d.timeZone), timeZone) ?? d.endsAt,
            }))
          }
        />
        <ChoiceField
          label={t.legalType}
          path="legalType"
          value={doc.legalType}
          options={LEGAL_TYPES.map((l) => ({ value: l, label: t[`legal_${l}`] }))}
          onChange={(legalType) => edit((d) => ({ ...d, legalType }))}
        />
      </FieldRow>
      <DayResetField doc={doc} edit={edit} />
    </Group>
  );
}
