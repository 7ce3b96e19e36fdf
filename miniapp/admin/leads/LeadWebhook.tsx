/**
 * `#/admin/campaign/:id/leads/webhook`: the CRM webhook — its URL (the server accepts https to public addresses only)
 * and the HMAC signing secret. The server never answers the secret back: a new one is made here, shown once to be
 * copied into the CRM, and sent with the save (rotation). Below, the latest leads' delivery states.
 */
import { Button, Div, FormItem, FormStatus, Group, Header, Input, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { refusalText } from '../refusal-text.ts';
import type { LeadWebhook as Hook, Lead } from './leads-api.ts';
import { useLeads } from './use-leads.ts';

/** 32 random bytes as hex: the signing secret the CRM and the server share. */
function newSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function LeadWebhook() {
  const { l, calls } = useLeads();
  const state = useAsync(async () => {
    const [hook, leads] = await Promise.all([calls.webhook(), calls.list()]);
    return { hook, recent: leads.filter((x) => x.delivery).slice(0, 5) };
  }, [calls]);
  return (
    <>
      <PanelHeaderWithBack back={l.back}>{l.webhook}</PanelHeaderWithBack>
      <LoadState state={state}>{(data) => <WebhookForm hook={data.hook} recent={data.recent} />}</LoadState>
    </>
  );
}

function WebhookForm({ hook, recent }: { hook: Hook; recent: Lead[] }) {
  const { l, calls, campaignId, language } = useLeads();
  const navigator = useRouteNavigator();
  const [url, setUrl] = useState(hook.url ?? '');
  const [secretSet, setSecretSet] = useState(hook.secretSet);
  const [secret, setSecret] = useState<string>();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const save = async () => {
    setResult(undefined);
    try {
      const saved = await calls.saveWebhook({ url: url.trim() || null, ...(secret ? { secret } : {}) });
      setSecretSet(saved.secretSet);
      setResult({ ok: true, text: l.saved });
    } catch (e) {
      setResult({ ok: false, text: refusalText(e, language) });
    }
  };
  return (
    <>
      <Group>
        <FormItem top={l.url} bottom={l.urlHint}>
          <Input value={url} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
        </FormItem>
        <SimpleCell multiline data-testid="webhook-secret-state">
          {secretSet ? l.secretSet : l.secretMissing}
        </SimpleCell>
        {secret && (
          <FormItem top={l.secretOnce}>
            <Input value={secret} readOnly data-testid="webhook-secret" />
          </FormItem>
        )}
        <Div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button mode="secondary" onClick={() => setSecret(newSecret())} data-testid="webhook-rotate">
            {l.rotate}
          </Button>
          <Button onClick={save} data-testid="webhook-save">
            {l.save}
          </Button>
        </Div>
        {result && (
          <Div>
            <FormStatus mode={result.ok ? 'default' : 'error'} data-testid="webhook-result">
              {result.text}
            </FormStatus>
          </Div>
        )}
      </Group>
      {recent.length > 0 && (
        <Group header={<Header>{l.lastDeliveries}</Header>}>
          {recent.map((x) => (
            <SimpleCell
              key={x.id}
              multiline
              chevron="always"
              onClick={() => navigator.push(paths.adminLead(campaignId, x.id))}
              subtitle={x.delivery?.lastError ?? undefined}
            >
              {`${fill(l.lead, { id: x.id })}: ${x.delivery ? l[`delivery_${x.delivery.status}`] : ''}`}
            </SimpleCell>
          ))}
        </Group>
      )}
    </>
  );
}
