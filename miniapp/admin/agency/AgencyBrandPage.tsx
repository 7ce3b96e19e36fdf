/**
 * One brand as the agency sees it (`#/admin/agency/brand/:brandId`): its name, its VK communities and apps with their
 * tokens shown masked, connecting new ones and replacing a token. Tokens typed here go to the server and never come
 * back. A rename or a replacement names the copy of the brand, community or app it was made on: if another agency
 * member saved it since, the server refuses it (`saved_meanwhile`, decision 045) and the page offers to load the saved
 * version, the typed name or token kept to save again.
 */
import { Button, FormItem, FormLayoutGroup, Group, Header, Input, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { ApiRequestError } from '../../api/client.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { type AgencyMessages, agencyStrings } from '../i18n-agency.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { useOffice } from '../use-office.ts';
import { BrandedHeader, useAgencyBranding } from './AgencyBranding.tsx';
import { type AgencyBrand, agencyApi } from './agency-api.ts';
import { BrandNameForm } from './BrandNameForm.tsx';

export function AgencyBrandPage({ office }: { office: Office }) {
  const { api, language, t } = useOffice();
  const s = agencyStrings(language);
  const navigator = useRouteNavigator();
  // Kept while the panel is still mounted under another route (a link into another office page), so it does not ask
  // for brand "NaN" on its way out.
  const brandId = Number(useRouteParam('brandId'));
  const valid = Number.isSafeInteger(brandId) && brandId > 0;
  const agency = agencyApi(api);
  const [fresh, setFresh] = useState<AgencyBrand | null>(null);
  const { error, run, clear } = useOfficeWrite(s.error);
  // The last write was refused because someone saved that community or app since this page read it.
  const [stale, setStale] = useState(false);
  const state = useAsync(() => agency.brand(brandId), [api, brandId], valid);
  const act = async (write: () => Promise<AgencyBrand>) => {
    let code: string | undefined;
    const landed = await run(async () => {
      try {
        setFresh(await write());
        return true;
      } catch (e) {
        code = e instanceof ApiRequestError ? e.code : undefined;
        throw e;
      }
    });
    setStale(code === 'saved_meanwhile');
    return landed ?? false;
  };
  const loadSaved = async () => {
    const saved = await run(() => agency.brand(brandId));
    if (!saved) return;
    setFresh(saved);
    setStale(false);
    clear();
  };
  const back = { label: s.back, onClick: () => navigator.back() };
  const branding = useAgencyBranding(office);
  if (!valid) return <NotFound />;
  // The header names the brand, known once loaded: until then, and on a failed load, "Brand" (an empty header with
  // Back alone said nothing of where the member was, found from outside).
  if (state.status !== 'ready') return <LoadStateScreen state={state} title={t.brand} />;
  const brand = fresh ?? state.data;
  return (
    <>
      <BrandedHeader branding={branding} title={brand.name} back={back} />
      {error && (
        <Group>
          <WriteRefusal error={error} />
          {stale && (
            <FormItem>
              <Button mode="secondary" onClick={loadSaved} data-testid="agency-load-saved">
                {s.loadSaved}
              </Button>
            </FormItem>
          )}
        </Group>
      )}
      <Group>
        <BrandNameForm
          s={s}
          name={brand.name}
          onRename={(name) => act(() => agency.renameBrand(brandId, { name, savedAt: brand.updatedAt }))}
        />
        <SimpleCell
          chevron="always"
          data-testid="agency-brand-team"
          onClick={() => navigator.push(paths.adminTeam(brandId))}
        >
          {s.brandTeam}
        </SimpleCell>
      </Group>
      <Group header={<Header>{s.communities}</Header>}>
        {brand.communities.length === 0 && <SimpleCell>{s.noCommunities}</SimpleCell>}
        {brand.communities.map((c) => (
          <TokenRow
            key={c.id}
            s={s}
            title={`${c.name} · ${c.vkGroupId}`}
            masked={c.token}
            testId={`community-${c.vkGroupId}`}
            onReplace={(token) => act(() => agency.editCommunity(brandId, c.id, { token, savedAt: c.updatedAt }))}
          />
        ))}
        <ConnectCommunity s={s} onConnect={(body) => act(() => agency.connectCommunity(brandId, body))} />
      </Group>
      <Group header={<Header>{s.apps}</Header>}>
        {brand.apps.length === 0 && <SimpleCell>{s.noApps}</SimpleCell>}
        {brand.apps.map((a) => (
          <div key={a.id}>
            <SimpleCell
              multiline
              subtitle={[
                a.vkAppId && `VK ${a.vkAppId}`,
                a.okAppKey && `OK ${a.okAppKey}`,
                a.telegramBotId && `TG ${a.telegramBotId}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            >
              {a.name}
            </SimpleCell>
            <TokenRow
              s={s}
              title={s.vkSecret}
              masked={a.vkSecret}
              testId={`app-${a.id}-secret`}
              onReplace={(token) => act(() => agency.editApp(brandId, a.id, { vkSecret: token, savedAt: a.updatedAt }))}
            />
            <TokenRow
              s={s}
              title={s.vkServiceToken}
              masked={a.vkServiceToken}
              testId={`app-${a.id}-service`}
              onReplace={(token) =>
                act(() => agency.editApp(brandId, a.id, { vkServiceToken: token, savedAt: a.updatedAt }))
              }
            />
          </div>
        ))}
        <ConnectApp s={s} onConnect={(body) => act(() => agency.connectApp(brandId, body))} />
      </Group>
    </>
  );
}

function TokenRow(props: {
  s: AgencyMessages;
  title: string;
  masked: string | null;
  testId: string;
  onReplace(token: string): Promise<boolean>;
}) {
  const { s, title, masked, testId, onReplace } = props;
  const [editing, setEditing] = useState(false);
  const [token, setToken] = useState('');
  return (
    <>
      <SimpleCell
        subtitle={<span data-testid={`${testId}-token`}>{masked ?? s.noToken}</span>}
        after={
          <Button mode="tertiary" onClick={() => setEditing((v) => !v)}>
            {s.replace}
          </Button>
        }
      >
        {title}
      </SimpleCell>
      {editing && (
        <FormLayoutGroup mode="horizontal">
          <FormItem top={s.token} bottom={s.tokenHint}>
            <Input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </FormItem>
          <FormItem>
            <Button
              disabled={token.length < 8}
              onClick={async () => {
                if (await onReplace(token)) {
                  setToken('');
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

function ConnectCommunity(props: {
  s: AgencyMessages;
  onConnect(body: { vkGroupId: number; name: string; token?: string }): Promise<boolean>;
}) {
  const { s, onConnect } = props;
  const [groupId, setGroupId] = useState('');
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const valid = /^\d+$/.test(groupId) && hasVisibleText(name);
  return (
    <FormLayoutGroup>
      <FormItem top={s.groupId} htmlFor="agency-group-id">
        <Input id="agency-group-id" inputMode="numeric" value={groupId} onChange={(e) => setGroupId(e.target.value)} />
      </FormItem>
      <FormItem top={s.name} htmlFor="agency-group-name">
        <Input id="agency-group-name" value={name} onChange={(e) => setName(e.target.value)} />
      </FormItem>
      <FormItem top={s.token} bottom={s.tokenHint} htmlFor="agency-group-token">
        <Input
          id="agency-group-token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </FormItem>
      <FormItem>
        <Button
          disabled={!valid}
          onClick={async () => {
            const body = { vkGroupId: Number(groupId), name: name.trim(), ...(token ? { token } : {}) };
            if (await onConnect(body)) {
              setGroupId('');
              setName('');
              setToken('');
            }
          }}
        >
          {s.connect}
        </Button>
      </FormItem>
    </FormLayoutGroup>
  );
}

const APP_FIELDS = ['name', 'vkAppId', 'vkSecret', 'vkServiceToken', 'okAppKey', 'telegramBotId'] as const;

function ConnectApp(props: { s: AgencyMessages; onConnect(body: Record<string, string | number>): Promise<boolean> }) {
  const { s, onConnect } = props;
  const [fields, setFields] = useState<Record<string, string>>({});
  const secret = (f: string) => f === 'vkSecret' || f === 'vkServiceToken';
  return (
    <FormLayoutGroup>
      {APP_FIELDS.map((f) => (
        <FormItem key={f} top={s[f === 'name' ? 'name' : f]} htmlFor={`agency-app-${f}`}>
          <Input
            id={`agency-app-${f}`}
            type={secret(f) ? 'password' : 'text'}
            autoComplete="off"
            value={fields[f] ?? ''}
            onChange={(e) => setFields({ ...fields, [f]: e.target.value })}
          />
        </FormItem>
      ))}
      <FormItem>
        <Button
          disabled={!hasVisibleText(fields.name ?? '')}
          onClick={async () => {
            const body: Record<string, string | number> = {};
            for (const [k, v] of Object.entries(fields)) {
              if (v.trim() !== '') body[k] = k === 'vkAppId' ? Number(v) : v.trim();
            }
            if (await onConnect(body)) setFields({});
          }}
        >
          {s.connect}
        </Button>
      </FormItem>
    </FormLayoutGroup>
  );
}
