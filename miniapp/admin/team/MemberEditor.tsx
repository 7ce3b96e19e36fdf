/**
 * Editing one member of the brand: role, section checkboxes, save, remove. Removal bites at the member's next request
 * and only a new invitation undoes it, so it is asked first, as every other irreversible office action is
 * (OfficeConfirm); while a write is on its way the buttons wait, so a second tap sends nothing twice, and its refusal
 * (`error`) is said here, under the buttons, not at the top of a long page (out of sight on a phone).
 */
import { Button, ButtonGroup, FormItem, NativeSelect, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { label, type TeamMessages } from '../i18n-team.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';
import { WriteRefusal } from '../office-write.tsx';
import { PersonWho } from '../PersonWho.tsx';
import { personText } from '../person-who.ts';
import { SectionCheckboxes } from './SectionCheckboxes.tsx';
import type { Role, TeamMember } from './team-api.ts';

/** Roles a brand's team screen offers; agency roles are the agency's business (the server refuses others anyway). */
export const BRAND_SCREEN_ROLES: Role[] = ['brand_member', 'brand_admin'];

export function MemberEditor(props: {
  s: TeamMessages;
  language: 'ru' | 'en';
  member: TeamMember;
  grantable: string[];
  /** The roles the caller may give here (the server's answer); every brand role when not said. */
  roles?: Role[];
  onSave(change: { role: Role; sections: string[] }): Promise<void>;
  onRemove(): Promise<void>;
  onCancel(): void;
  /** The last save's or removal's refusal, with its reason. */
  error?: string | null;
}) {
  const { s, member, grantable } = props;
  const [role, setRole] = useState<Role>(member.role);
  const [sections, setSections] = useState<string[]>(member.sections);
  const [asking, setAsking] = useState(false);
  // Which write is on its way: that button spins, both wait.
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const write = async (which: 'save' | 'remove', action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };
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
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void write('save', () => props.onSave({ role, sections }))}
          >
            {s.save}
          </Button>
          <Button stretched mode="secondary" onClick={props.onCancel}>
            {s.cancel}
          </Button>
          {/* Offered only where the server will do it (an agency manager's row is the agency owner's to remove). */}
          {member.removable && (
            <Button
              stretched
              data-testid={`member-${member.id}-remove`}
              mode="tertiary"
              appearance="negative"
              disabled={busy !== null}
              loading={busy === 'remove'}
              onClick={() => setAsking(true)}
            >
              {s.remove}
            </Button>
          )}
        </ButtonGroup>
      </FormItem>
      <div data-testid={`member-${member.id}-refusal`}>
        <WriteRefusal error={props.error ?? null} />
      </div>
      {asking && (
        <OfficeConfirm
          onClosed={() => setAsking(false)}
          title={`${s.remove}?`}
          description={fill(s.confirmRemove, { who: personText(member, props.language) })}
          cancel={s.cancel}
          confirm={s.removeYes}
          destructive
          onConfirm={() => void write('remove', props.onRemove)}
          testIds={{
            alert: `member-${member.id}-confirm`,
            cancel: `member-${member.id}-confirm-cancel`,
            confirm: `member-${member.id}-confirm-remove`,
            dismiss: `member-${member.id}-confirm-dismiss`,
          }}
        />
      )}
    </>
  );
}
