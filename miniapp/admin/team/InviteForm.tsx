/**
 * Inviting to a brand: a one-time link with role, sections and expiry (shown once, with a copy button for the
 * invitation text), or adding a VK user at once by id. While either is on its way its button waits, and a refusal
 * (`error`) is said under the button that was tapped: on a phone the page's top is out of sight.
 */
import { Button, FormItem, Input, NativeSelect, SimpleCell, Text } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { composeKey } from '../../api/client-key.ts';
import { InputWithButton } from '../InputWithButton.tsx';
import { label, type TeamMessages } from '../i18n-team.ts';
import { WriteRefusal } from '../office-write.tsx';
import { BRAND_SCREEN_ROLES } from './MemberEditor.tsx';
import { SectionCheckboxes } from './SectionCheckboxes.tsx';
import type { CreatedInvitation, Role } from './team-api.ts';

const EXPIRIES = [24, 72, 168] as const;

export function InviteForm(props: {
  s: TeamMessages;
  grantable: string[];
  /** Roles offered (the brand's by default; the agency screen offers agency manager). */
  roles?: Role[];
  /** The link just made (kept by the team screen, so it survives the list reloading). */
  created: CreatedInvitation | null;
  /** `clientKey`: the composed invitation's key, the same on a retry or a double click, so one link is made. */
  onInvite(body: { role: Role; sections: string[]; expiresInHours: number; clientKey: string }): Promise<unknown>;
  onAdd(body: { role: Role; sections: string[]; vkUserId: number }): Promise<boolean>;
  /** The last invite's or add's refusal, with its reason (said under the button that sent it). */
  error?: string | null;
}) {
  const { s, grantable } = props;
  const roles = props.roles ?? BRAND_SCREEN_ROLES;
  const [role, setRole] = useState<Role>(roles[0] ?? 'brand_member');
  const [sections, setSections] = useState<string[]>([]);
  const [hours, setHours] = useState<number>(72);
  const { created } = props;
  const [keys] = useState(() => composeKey());
  // A link was made: the next click, even with the same choices, asks for another one.
  useEffect(() => {
    if (created) keys.sent();
  }, [created, keys]);
  const [copied, setCopied] = useState(false);
  // Which button sent the last write (its refusal is said under it), and whether it is still on its way.
  const [last, setLast] = useState<'link' | 'add' | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (which: 'link' | 'add', write: () => Promise<unknown>) => {
    setLast(which);
    setBusy(true);
    try {
      await write();
    } finally {
      setBusy(false);
    }
  };
  const refusal = (which: 'link' | 'add') => (last === which ? (props.error ?? null) : null);
  const [vkId, setVkId] = useState('');
  const id = Number(vkId.trim().replace(/^id/, ''));
  const validId = Number.isSafeInteger(id) && id > 0;
  // The address the invitee opens: VK's app link when the server knows the app, else this page with the hash.
  const address = created
    ? (created.url ?? `${location.origin}${location.pathname}${location.search}${created.hash}`)
    : '';
  const text = created ? (created.url ? created.text : created.text.replace(created.hash, address)) : '';
  return (
    <>
      <SimpleCell multiline>{s.inviteIntro}</SimpleCell>
      <FormItem top={s.role} htmlFor="invite-role">
        <NativeSelect id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {label(s, 'role', r)}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <SectionCheckboxes s={s} value={sections} grantable={grantable} onChange={setSections} idPrefix="invite" />
      <FormItem top={s.expiry} htmlFor="invite-expiry">
        <NativeSelect id="invite-expiry" value={String(hours)} onChange={(e) => setHours(Number(e.target.value))}>
          {EXPIRIES.map((h) => (
            <option key={h} value={h}>
              {(s as Record<string, string>)[`hours${h}`]}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <FormItem>
        <Button
          data-testid="invite-create"
          stretched
          loading={busy && last === 'link'}
          disabled={busy}
          onClick={() =>
            void send('link', async () => {
              setCopied(false);
              const composed = { role, sections, expiresInHours: hours };
              await props.onInvite({ ...composed, clientKey: keys.keyFor(JSON.stringify(composed)) });
            })
          }
        >
          {s.createLink}
        </Button>
      </FormItem>
      <div data-testid="invite-create-refusal">
        <WriteRefusal error={refusal('link')} />
      </div>
      {created && (
        <FormItem top={s.linkReady}>
          <Text data-testid="invite-link" style={{ wordBreak: 'break-all' }}>
            {address}
          </Text>
          <Button
            mode="secondary"
            style={{ marginTop: 8 }}
            onClick={() =>
              void navigator.clipboard?.writeText(text).then(
                () => setCopied(true),
                () => {},
              )
            }
          >
            {copied ? s.copied : s.copy}
          </Button>
        </FormItem>
      )}
      <FormItem top={s.byId} htmlFor="invite-vk-id">
        <InputWithButton
          input={
            <Input id="invite-vk-id" placeholder={s.vkId} value={vkId} onChange={(e) => setVkId(e.target.value)} />
          }
          label={s.add}
          testId="invite-add"
          disabled={!validId || busy}
          loading={busy && last === 'add'}
          onClick={() =>
            void send('add', async () => {
              if (await props.onAdd({ role, sections, vkUserId: id })) setVkId('');
            })
          }
        />
      </FormItem>
      <div data-testid="invite-add-refusal">
        <WriteRefusal error={refusal('add')} />
      </div>
    </>
  );
}
