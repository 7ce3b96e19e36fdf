/**
 * One brand as the agency sees it (`#/admin/agency/brand/:brandId`): its name, its VK communities and apps with their
 * tokens shown masked, connecting new ones and replacing a token, and each community's Callback API server here
 * (CommunityCallback.tsx). Tokens typed here go to the server and never come
 * back. A rename or a replacement names the copy of the brand, community or app it was made on: if another agency
 * member saved it since, the server refuses it (`saved_meanwhile`, decision 045) and the page offers, next to the form
 * that was refused, to load the saved version, the typed name or token kept to save again (use-brand-page-writes.ts).
 */
import { Button, FormItem, FormLayoutGroup, Group, Header, Input, SimpleCell } from '@vkontakte/vkui';
import { Fragment, useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { type AgencyMessages, agencyStrings } from '../i18n-agency.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { WriteRefusal } from '../office-write.tsx';
import { withoutAgencyRole } from '../refused.ts';
import { StaleCopyBanner } from '../StaleCopyBanner.tsx';
import { forgetOfficeAccess, useOffice } from '../use-office.ts';
import { BrandedHeader, useAgencyBranding } from './AgencyBranding.tsx';
import { agencyApi } from './agency-api.ts';
import { BrandNameForm } from './BrandNameForm.tsx';
import { CommunityCallback } from './CommunityCallback.tsx';
import { useBrandPageWrites } from './use-brand-page-writes.ts';

export function AgencyBrandPage({ office }: { office: Office }) {
  const services = useOffice();
  const { api, language, t } = services;
  const s = agencyStrings(language);
  const navigator = useRouteNavigator();
  // Kept while the panel is still mounted under another route (a link into another office page), so it does not ask
  // for brand "NaN" on its way out.
  const brandId = Number(useRouteParam('brandId'));
  const valid = Number.isSafeInteger(brandId) && brandId > 0;
  const agency = agencyApi(api);
  // A brand's own people (no agency role) are told the page is the agency's, not asked the server's 403 about a brand.
  const manageable = office.agencies?.some((a) => a.canManage) === true;
  const state = useAsync(() => agency.brand(brandId), [api, brandId], valid && manageable);
  const { fresh, refusal, act, loadSaved } = useBrandPageWrites(() => agency.brand(brandId));
  /** The refusal of the form `at`, said right under it: with the offer of the saved version when saved meanwhile. */
  const refusedAt = (at: string) =>
    refusal?.at !== at ? null : refusal.stale ? (
      // Inset as the form's fields are (InsetBanner: a bare banner ran to the screen's edges on a phone).
      <StaleCopyBanner
        title={refusal.text}
        action={s.loadSaved}
        onLoad={() => void loadSaved()}
        testId="agency-saved-meanwhile"
        actionTestId="agency-load-saved"
      />
    ) : (
      <WriteRefusal error={refusal.text} />
    );
  const back = { label: s.back, onClick: () => navigator.back() };
  const branding = useAgencyBranding(office);
  if (!valid) return <NotFound />;
  if (!manageable) return <LoadStateScreen state={withoutAgencyRole('agency')} title={t.brand} />;
  // The header names the brand, known once loaded: until then, and on a failed load, "Brand" (an empty header with
  // Back alone said nothing of where the member was, found from outside).
  if (state.status !== 'ready') return <LoadStateScreen state={state} title={t.brand} />;
  const brand = fresh ?? state.data;
  return (
    <>
      <BrandedHeader branding={branding} title={brand.name} back={back} />
      <Group>
        <BrandNameForm
          s={s}
          name={brand.name}
          onRename={(name) => act('rename', () => agency.renameBrand(brandId, { name, savedAt: brand.updatedAt }))}
        />
        {refusedAt('rename')}
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
          <Fragment key={c.id}>
            <TokenRow
              s={s}
              title={`${c.name} · ${c.vkGroupId}`}
              masked={c.token}
              testId={`community-${c.vkGroupId}`}
              onReplace={(token) =>
                act(`community-${c.id}`, () => agency.editCommunity(brandId, c.id, { token, savedAt: c.updatedAt }))
              }
            />
            {refusedAt(`community-${c.id}`)}
            <CommunityCallback
              s={s}
              vkGroupId={c.vkGroupId}
              confirmation={c.callbackConfirmation}
              byServer={c.callbackByServer}
              settable={c.callbackSettable}
              accepts={c.callbackAccepts}
              confirms={c.callbackConfirms}
              apiBaseUrl={api.baseUrl ?? ''}
              onSave={(change) =>
                act(`community-${c.id}-callback`, () =>
                  agency.editCommunity(brandId, c.id, { ...change, savedAt: c.updatedAt }),
                )
              }
            />
            {refusedAt(`community-${c.id}-callback`)}
          </Fragment>
        ))}
        <ConnectCommunity
          s={s}
          onConnect={(body) => act('connect-community', () => agency.connectCommunity(brandId, body))}
        />
        {refusedAt('connect-community')}
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
              onReplace={(token) =>
                act(`app-${a.id}-secret`, () =>
                  agency.editApp(brandId, a.id, { vkSecret: token, savedAt: a.updatedAt }),
                )
              }
            />
            {refusedAt(`app-${a.id}-secret`)}
            <TokenRow
              s={s}
              title={s.vkServiceToken}
              masked={a.vkServiceToken}
              testId={`app-${a.id}-service`}
              onReplace={(token) =>
                act(`app-${a.id}-service`, () =>
                  agency.editApp(brandId, a.id, { vkServiceToken: token, savedAt: a.updatedAt }),
                )
              }
            />
            {refusedAt(`app-${a.id}-service`)}
          </div>
        ))}
        <ConnectApp
          s={s}
          onConnect={(body) =>
            act('connect-app', async () => {
              const saved = await agency.connectApp(brandId, body);
              // The office answer says whether the brand has an app (the catalogue's «Use» waits for one): ask afresh.
              forgetOfficeAccess(services);
              return saved;
            })
          }
        />
        {refusedAt('connect-app')}
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
