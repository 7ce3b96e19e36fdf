/**
 * A connected community's Callback API server here (decision 084), under its token on the brand's page: what is set
 * (VK's confirmation string, whether a secret is stored: the secret itself never comes back), and a form with the
 * address to paste into VK's settings, the confirmation string and the secret. Same rights as the token: the agency's.
 * Where updates are taken but no confirmation string applies, a warning row says VK will not confirm the server (094).
 */
import { Icon20WarningTriangleOutline } from '@vkontakte/icons';
import { Button, FormItem, FormLayoutGroup, Input, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import type { AgencyMessages } from '../i18n-agency.ts';

/** As the server takes them (agency.schemas.ts): Latin letters and digits; a secret of 8 to 50. */
const CODE = /^[A-Za-z0-9]{1,64}$/;
const SECRET = /^[A-Za-z0-9]{8,50}$/;

export interface CallbackChange {
  callbackConfirmation?: string;
  callbackSecret?: string;
}

export function CommunityCallback(props: {
  s: AgencyMessages;
  vkGroupId: number;
  confirmation: string | null;
  /** Its updates are checked with the server's own secret (VK_CALLBACK_SECRET). */
  byServer: boolean;
  /** What is set here is used (false: the server's own community while its env secret is set: nothing to set up). */
  settable: boolean;
  /** `POST /vk/callback` takes its updates (a secret applies, the server's or its own). */
  accepts: boolean;
  /** VK's confirmation is answered (a code applies): without one VK cannot confirm the server (decision 094). */
  confirms: boolean;
  /** Where the API this office talks to is ('' = this page's origin): VK is to call its `/vk/callback`. */
  apiBaseUrl: string;
  onSave(change: CallbackChange): Promise<boolean>;
}) {
  const { s, vkGroupId, confirmation, byServer, settable, accepts, confirms, apiBaseUrl, onSave } = props;
  const [editing, setEditing] = useState(false);
  const [code, setCode] = useState(confirmation ?? '');
  const [secret, setSecret] = useState('');
  const testId = `community-${vkGroupId}-callback`;
  const codeBad = code !== '' && !CODE.test(code);
  const secretBad = secret !== '' && !SECRET.test(secret);
  const change: CallbackChange = {
    ...(code !== '' && code !== confirmation ? { callbackConfirmation: code } : {}),
    ...(secret !== '' ? { callbackSecret: secret } : {}),
  };
  // What the route does with its updates, as the server says (agency-secrets.ts `callbackServerOf`): with the server's
  // own secret, what is stored here is not what answers VK (until a secret of its own is set, where it may be).
  const status = byServer
    ? s.callbackByServer
    : [
        confirmation ? s.callbackCodeIs.replace('{code}', confirmation) : s.callbackNoCode,
        accepts ? s.callbackSecretSet : s.callbackNoSecret,
      ].join(' · ');
  return (
    <>
      <SimpleCell
        multiline
        subtitle={<span data-testid={`${testId}-status`}>{status}</span>}
        after={
          !settable ? undefined : (
            <Button mode="tertiary" data-testid={`${testId}-edit`} onClick={() => setEditing((v) => !v)}>
              {s.callbackSetUp}
            </Button>
          )
        }
      >
        {s.callbackTitle}
      </SimpleCell>
      {accepts && !confirms && (
        <SimpleCell multiline before={<Icon20WarningTriangleOutline color="var(--vkui--color_icon_negative)" />}>
          <span data-testid={`${testId}-no-code`}>{s.callbackCodeMissing}</span>
        </SimpleCell>
      )}
      {editing && settable && (
        <FormLayoutGroup>
          <FormItem top={s.callbackUrl} bottom={s.callbackUrlHint} htmlFor={`${testId}-url`}>
            <Input id={`${testId}-url`} readOnly value={new URL(`${apiBaseUrl}/vk/callback`, location.href).href} />
          </FormItem>
          <FormItem
            top={s.callbackCode}
            bottom={codeBad ? s.callbackCodeBad : s.callbackCodeHint}
            status={codeBad ? 'error' : 'default'}
            htmlFor={`${testId}-code`}
          >
            <Input id={`${testId}-code`} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
          </FormItem>
          <FormItem
            top={s.callbackSecret}
            bottom={secretBad ? s.callbackSecretBad : s.callbackSecretHint}
            status={secretBad ? 'error' : 'default'}
            htmlFor={`${testId}-secret`}
          >
            <Input
              id={`${testId}-secret`}
              type="password"
              autoComplete="off"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </FormItem>
          <FormItem>
            <Button
              data-testid={`${testId}-save`}
              disabled={codeBad || secretBad || Object.keys(change).length === 0}
              onClick={async () => {
                if (await onSave(change)) {
                  setSecret('');
                  setEditing(false);
                }
              }}
            >
              {s.save}
            </Button>
          </FormItem>
        </FormLayoutGroup>
      )}
    </>
  );
}
