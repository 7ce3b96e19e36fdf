/**
 * A connected community's Callback API server here (decision 084), under its token on the brand's page: what is set
 * (VK's confirmation string, whether a secret is stored: the secret itself never comes back), and a form with the
 * address to paste into VK's settings, the confirmation string and the secret. Same rights as the token: the agency's.
 */
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
  secretSet: boolean;
  /** The server's own community, received with its own settings (VK_CALLBACK_SECRET): nothing to set up here. */
  byServer: boolean;
  /** Where the API this office talks to is ('' = this page's origin): VK is to call its `/vk/callback`. */
  apiBaseUrl: string;
  onSave(change: CallbackChange): Promise<boolean>;
}) {
  const { s, vkGroupId, confirmation, secretSet, byServer, apiBaseUrl, onSave } = props;
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
  const status = byServer
    ? s.callbackByServer
    : [
        confirmation ? s.callbackCodeIs.replace('{code}', confirmation) : s.callbackNoCode,
        secretSet ? s.callbackSecretSet : s.callbackNoSecret,
      ].join(' · ');
  return (
    <>
      <SimpleCell
        multiline
        subtitle={<span data-testid={`${testId}-status`}>{status}</span>}
        after={
          byServer ? undefined : (
            <Button mode="tertiary" data-testid={`${testId}-edit`} onClick={() => setEditing((v) => !v)}>
              {s.callbackSetUp}
            </Button>
          )
        }
      >
        {s.callbackTitle}
      </SimpleCell>
      {editing && !byServer && (
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
