/** Dates in the campaign's own time zone, the zone itself, and the legal type (which drives the rules page). */
import { FormItem, Group, Header, Input } from '@vkontakte/vkui';
import { FieldRow } from '../../FieldRow.tsx';
import { COMMON_TIME_ZONES, fromWallTime, toWallTime, zoneLabel } from '../../zoned-time.ts';
import type { SectionProps } from '../document-edit.ts';
import { fieldId, problemsAt, problemText, useEditor } from '../editor-context.ts';
import { ChoiceField } from '../fields.tsx';

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
  const { problems, readOnly, t } = useEditor();
  const problem = problemsAt(problems, path)[0];
  return (
    <FormItem
      top={`${label} (${zoneLabel(zone, ms)})`}
      htmlFor={fieldId(path)}
      status={problem?.severity === 'error' ? 'error' : undefined}
      bottom={problem && problemText(t, problem)}
    >
      <Input
        id={fieldId(path)}
        data-testid={fieldId(path)}
        type="datetime-local"
        disabled={readOnly}
        value={toWallTime(ms, zone)}
        onChange={(e) => {
          const next = fromWallTime(e.target.value, zone);
          if (next !== undefined) onChange(next);
        }}
      />
    </FormItem>
  );
}

export function ScheduleSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
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
      <FieldRow>
        <ChoiceField
          label={t.timeZone}
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
    </Group>
  );
}
