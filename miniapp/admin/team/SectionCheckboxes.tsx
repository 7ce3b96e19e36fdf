/**
 * One VKUI Checkbox per office section. A section the editing member does not hold is disabled unless it is already
 * ticked (they may take it away, not give it): the server enforces the same rule. `launch` goes with `campaigns`
 * (decision 116): ticking it ticks `campaigns` too, clearing `campaigns` clears it, as the server refuses it alone.
 */
import { Checkbox, FormItem } from '@vkontakte/vkui';
import { label, type TeamMessages } from '../i18n-team.ts';
import { SECTIONS } from './team-api.ts';

/** The list after one box changes, keeping `launch` beside `campaigns`. */
export function toggleSection(value: readonly string[], section: string, on: boolean): string[] {
  const next = on ? [...value, section] : value.filter((x) => x !== section);
  if (on && section === 'launch' && !next.includes('campaigns')) next.push('campaigns');
  return !on && section === 'campaigns' ? next.filter((x) => x !== 'launch') : next;
}

export function SectionCheckboxes(props: {
  s: TeamMessages;
  value: string[];
  /** Sections the editing member may grant. */
  grantable: string[];
  onChange(next: string[]): void;
  idPrefix: string;
}) {
  const { s, value, grantable, onChange, idPrefix } = props;
  return (
    <FormItem top={s.sections}>
      {SECTIONS.map((section) => {
        const checked = value.includes(section);
        const allowed = grantable.includes(section) || checked;
        return (
          <Checkbox
            key={section}
            data-testid={`${idPrefix}-section-${section}`}
            checked={checked}
            disabled={!allowed}
            title={allowed ? undefined : s.notYours}
            onChange={(e) => onChange(toggleSection(value, section, e.target.checked))}
          >
            {label(s, 'section', section)}
          </Checkbox>
        );
      })}
    </FormItem>
  );
}
