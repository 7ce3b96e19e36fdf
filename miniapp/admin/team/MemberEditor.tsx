/** Editing one member of the brand: role, section checkboxes, save, remove. */
import { Button, ButtonGroup, FormItem, NativeSelect, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { label, type TeamMessages } from '../i18n-team.ts';
import { PersonWho } from '../PersonWho.tsx';
import { SectionCheckboxes } from './SectionCheckboxes.tsx';
import type { Role, TeamMember } from './team-api.ts';

/** Roles a brand's team screen offers; agency roles are the agency's business (the server refuses others anyway). */
export const BRAND_SCREEN_ROLES: Role[] = ['brand_member', 'brand_admin'];

export function MemberEditor(props: {
  s: TeamMessages;
  member: TeamMember;
  grantable: string[];
  /** The roles the caller may give here (the server's answer); every brand role when not said. */
  roles?: Role[];
  onSave(change: { role: Role; sections: string[] }): Promise<void>;
  onRemove(): Promise<void>;
  onCancel(): void;
}) {
  const { s, member, grantable } = props;
  const [role, setRole] = useState<Role>(member.role);
  const [sections, setSections] = useState<string[]>(member.sections);
  const offered = props.roles ?? BRAND_SCREEN_ROLES;
  const roles = offered.includes(member.role) ? offered : [member.role];
  return (
    <>
      <SimpleCell>
        <PersonWho person={member} />
      </SimpleCell>
      <FormItem top={s.role} htmlFor={`member-${member.id}-role`}>
        <NativeSelect
          id={`member-${member.id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          disabled={roles.length < 2}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {label(s, 'role', r)}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <SectionCheckboxes
        s={s}
        value={sections}
        grantable={grantable}
        onChange={setSections}
        idPrefix={`member-${member.id}`}
      />
      <FormItem>
        {/* Vertical: three labels side by side do not fit a phone. */}
        <ButtonGroup mode="vertical" gap="s" stretched>
          <Button
            stretched
            data-testid={`member-${member.id}-save`}
            onClick={() => void props.onSave({ role, sections })}
          >
            {s.save}
          </Button>
          <Button stretched mode="secondary" onClick={props.onCancel}>
            {s.cancel}
          </Button>
          <Button
            stretched
            data-testid={`member-${member.id}-remove`}
            mode="tertiary"
            appearance="negative"
            onClick={() => void props.onRemove()}
          >
            {s.remove}
          </Button>
        </ButtonGroup>
      </FormItem>
    </>
  );
}
