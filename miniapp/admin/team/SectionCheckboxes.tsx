/**
 * One VKUI Checkbox per office section. A section the editing member does not hold is disabled unless it is already
 * ticked (they may take it away, not give it): the server enforces the same rule.
 */
import { Checkbox, FormItem } from '@vkontakte/vkui';
import { label, type TeamMessages } from '../i18n-team.ts';
import { SECTIONS } from './team-api.ts';

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
            onChange={(e) => onChange(e.target.checked ? [...value, section] : value.filter((x) => x !== section))}
          >
            {label(s, 'section', section)}
          </Checkbox>
        );
      })}
    </FormItem>
  );
}
