/**
 * The audit log's filters: brand, person, section (VKUI CustomSelect, each clearable) and a date range
 * (DateRangeInput, whole days in the viewer's time). A change goes straight to the screen, which starts from page one.
 */
import { Icon16Cancel } from '@vkontakte/icons';
import { CustomSelect, type CustomSelectClearButtonProps, DateRangeInput, FormItem, IconButton } from '@vkontakte/vkui';
import { FieldRow } from '../FieldRow.tsx';
import { AUDIT_SECTIONS, type AuditMessages, auditSectionText, auditStrings } from '../i18n-audit.ts';
import { useOffice } from '../use-office.ts';
import { AGENCY_ONLY, type AuditFilter } from './audit-api.ts';

/** A picked day range as inclusive epoch-ms bounds in the viewer's time zone. */
export function dayBounds(start: Date | null, end: Date | null): Pick<AuditFilter, 'from' | 'to'> {
  const from = start ? new Date(start.getFullYear(), start.getMonth(), start.getDate()).getTime() : undefined;
  const to = end ? new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime() - 1 : undefined;
  return { from, to };
}

/** The brand filter's choices: each brand, and "agency only" for an agency owner (the one who reads those entries). */
export function placeOptions(
  s: AuditMessages,
  brands: { id: number; name: string }[],
  agencyOwner: boolean,
): { value: string; label: string }[] {
  const options = brands.map((b) => ({ value: String(b.id), label: b.name }));
  return agencyOwner ? [...options, { value: AGENCY_ONLY, label: s.agencyOnly }] : options;
}

export function AuditFilters(props: {
  s: AuditMessages;
  filter: AuditFilter;
  brands: { id: number; name: string }[];
  /** Whether the viewer owns an agency: then its own entries can be picked alone. */
  agencyOwner: boolean;
  people: { value: string; label: string }[];
  onChange(next: AuditFilter): void;
}) {
  const { s, filter, brands, people, onChange } = props;
  const places = placeOptions(s, brands, props.agencyOwner);
  // Side by side only where both fit; on a phone "All sections" would be cut.
  const range: [Date | null, Date | null] | null =
    filter.from !== undefined || filter.to !== undefined
      ? [filter.from !== undefined ? new Date(filter.from) : null, filter.to !== undefined ? new Date(filter.to) : null]
      : null;
  return (
    <div data-testid="audit-filters">
      {places.length > 1 && (
        <FormItem top={s.brand} htmlFor="audit-brand">
          <CustomSelect
            id="audit-brand"
            data-testid="audit-brand"
            placeholder={s.allBrands}
            allowClearButton
            ClearButton={ClearButton}
            value={filter.brandId !== undefined ? String(filter.brandId) : null}
            options={places}
            onChange={(_, v) =>
              onChange({ ...filter, brandId: !v ? undefined : v === AGENCY_ONLY ? AGENCY_ONLY : Number(v) })
            }
          />
        </FormItem>
      )}
      <FieldRow>
        <FormItem top={s.person} htmlFor="audit-person">
          <CustomSelect
            id="audit-person"
            data-testid="audit-person"
            placeholder={s.everyone}
            allowClearButton
            ClearButton={ClearButton}
            searchable
            emptyText={s.nothingFound}
            value={filter.person ?? null}
            options={people}
            onChange={(_, v) => onChange({ ...filter, person: v ? String(v) : undefined })}
          />
        </FormItem>
        <FormItem
          top={s.section}
          htmlFor="audit-section"
          bottom={filter.section === 'launch' ? s.launchHistory : undefined}
        >
          <CustomSelect
            id="audit-section"
            data-testid="audit-section"
            placeholder={s.allSections}
            allowClearButton
            ClearButton={ClearButton}
            value={filter.section ?? null}
            options={AUDIT_SECTIONS.map((x) => ({ value: x, label: auditSectionText(s, x) }))}
            onChange={(_, v) => onChange({ ...filter, section: v ? String(v) : undefined })}
          />
        </FormItem>
      </FieldRow>
      <FormItem top={s.dates}>
        <DateRangeInput
          data-testid="audit-dates"
          value={range}
          disableFuture
          closeOnChange
          clearFieldLabel={s.clear}
          calendarLabel={s.calendar}
          prevMonthLabel={s.prevMonth}
          nextMonthLabel={s.nextMonth}
          changeMonthLabel={s.changeMonth}
          changeYearLabel={s.changeYear}
          changeStartDayLabel={s.startDay}
          changeStartMonthLabel={s.startMonth}
          changeStartYearLabel={s.startYear}
          changeEndDayLabel={s.endDay}
          changeEndMonthLabel={s.endMonth}
          changeEndYearLabel={s.endYear}
          showCalendarLabel={s.showCalendar}
          onChange={(v) => onChange({ ...filter, ...dayBounds(v?.[0] ?? null, v?.[1] ?? null) })}
        />
      </FormItem>
    </div>
  );
}

/**
 * VKUI's clear button for CustomSelect, in the office's language: VKUI's own is labelled "Очистить поле" in every
 * language and is not exported to relabel. Like it, the click and keys stay with the button, not the select.
 */
function ClearButton({ onClick, ...rest }: CustomSelectClearButtonProps) {
  const { language } = useOffice();
  return (
    <IconButton
      {...rest}
      type="button"
      label={auditStrings(language).clear}
      activeMode="opacity"
      hoverMode="opacity"
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        e.preventDefault();
        onClick();
      }}
    >
      <Icon16Cancel />
    </IconButton>
  );
}
