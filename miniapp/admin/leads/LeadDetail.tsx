/**
 * `#/admin/campaign/:id/leads/:leadId`: one lead — contact fields (and whether the platform verified them), the
 * calculator's inputs and result, the consent as given (time, text version, policy link), the status (changed here,
 * audited on the server) and the CRM delivery log: every attempt with its time, HTTP status or reason, duration.
 */
import {
  Footnote,
  FormItem,
  Group,
  Header,
  InfoRow,
  Link,
  NativeSelect,
  Placeholder,
  SimpleCell,
} from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { csvWord } from '../../../server/http/csv-words.ts';
import { contactCheckText, DELIVERY_OUTCOME_WORDS } from '../../../server/leads/lead-words.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { refusalText } from '../refusal-text.ts';
import { type LeadDetail as Detail, type LeadStatus, STATUSES } from './leads-api.ts';
import { useLeads } from './use-leads.ts';

/** The API sends the outcome as a string; one it has no words for is shown as stored (csvWord). */
type Outcome = keyof typeof DELIVERY_OUTCOME_WORDS;

export function LeadDetail() {
  const { l, calls, language } = useLeads();
  const leadId = Number(useRouteParam('leadId'));
  const state = useAsync(() => calls.get(leadId), [calls, leadId], Number.isSafeInteger(leadId) && leadId > 0);
  return (
    <>
      <PanelHeaderWithBack back={l.back}>{fill(l.lead, { id: leadId })}</PanelHeaderWithBack>
      <LoadState state={state}>{(lead) => <LeadBody lead={lead} language={language} />}</LoadState>
    </>
  );
}

function LeadBody({ lead, language }: { lead: Detail; language: 'ru' | 'en' }) {
  const { l, calls } = useLeads();
  const [status, setStatus] = useState<LeadStatus>(lead.status);
  const [note, setNote] = useState<string>();
  useEffect(() => setStatus(lead.status), [lead.status]);
  const date = (ms: number) => formatDateTime(ms, language);
  const change = async (next: LeadStatus) => {
    setNote(undefined);
    try {
      setStatus((await calls.setStatus(lead.id, next)).status);
      setNote(l.saved);
    } catch (e) {
      setNote(refusalText(e, language));
    }
  };
  const inputs = (lead.calculation.inputs ?? {}) as Record<string, unknown>;
  return (
    <>
      <Group header={<Header>{l.status}</Header>}>
        <FormItem bottom={note} data-testid="lead-status-note">
          <NativeSelect
            value={status}
            onChange={(e) => change(e.target.value as LeadStatus)}
            data-testid="lead-status"
            aria-label={l.status}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {l[`status_${s}`]}
              </option>
            ))}
          </NativeSelect>
        </FormItem>
      </Group>
      <Group header={<Header>{l.contact}</Header>}>
        <SimpleCell multiline>
          <InfoRow header={l.name}>{lead.name}</InfoRow>
        </SimpleCell>
        {lead.phone && (
          <SimpleCell multiline>
            <InfoRow header={contactCheckText('phone', lead.phoneVerified, language)}>{lead.phone}</InfoRow>
          </SimpleCell>
        )}
        {lead.email && (
          <SimpleCell multiline>
            <InfoRow header={contactCheckText('email', lead.emailVerified, language)}>{lead.email}</InfoRow>
          </SimpleCell>
        )}
        <SimpleCell multiline>
          <InfoRow header={l.created}>{date(lead.createdAt)}</InfoRow>
        </SimpleCell>
      </Group>
      <Group header={<Header>{l.calculation}</Header>} data-testid="lead-calculation">
        <SimpleCell multiline>
          <InfoRow header={l.result}>{String(lead.calculation.result ?? '—')}</InfoRow>
        </SimpleCell>
        {Object.entries(inputs).map(([name, value]) => (
          <SimpleCell key={name} multiline>
            <InfoRow header={name}>{typeof value === 'boolean' ? (value ? '✓' : '—') : String(value)}</InfoRow>
          </SimpleCell>
        ))}
      </Group>
      <Group header={<Header>{l.consent}</Header>} data-testid="lead-consent">
        <SimpleCell multiline>
          <InfoRow header={`${l.consentAt} · ${l.consentVersion} ${lead.consentVersion}`}>
            {date(lead.consentAt)}
          </InfoRow>
        </SimpleCell>
        <SimpleCell multiline>
          <InfoRow header={l.policy}>
            <Link href={lead.policyUrl} target="_blank" rel="noopener noreferrer">
              {lead.policyUrl}
            </Link>
          </InfoRow>
        </SimpleCell>
        <Footnote style={{ padding: '0 16px 12px' }}>{lead.consentText}</Footnote>
      </Group>
      <Group
        header={
          <Header
            subtitle={lead.delivery ? l[`delivery_${lead.delivery.status}`] : l.noDelivery}
            data-testid="lead-delivery-state"
          >
            {l.delivery}
          </Header>
        }
        data-testid="lead-delivery-log"
      >
        {lead.delivery && lead.deliveryLog.length === 0 && <Placeholder>{l.noAttempts}</Placeholder>}
        {lead.deliveryLog.map((a) => (
          <SimpleCell
            key={a.attempt}
            multiline
            data-testid={`lead-attempt-${a.attempt}`}
            subtitle={[
              date(a.startedAt),
              fill(l.durationMs, { ms: a.durationMs }),
              a.httpStatus === null ? undefined : `HTTP ${a.httpStatus}`,
            ]
              .filter(Boolean)
              .join(' · ')}
            extraSubtitle={a.error ?? undefined}
          >
            {`${fill(l.attempt, { n: a.attempt })}: ${csvWord(DELIVERY_OUTCOME_WORDS, a.outcome as Outcome, language)}`}
          </SimpleCell>
        ))}
      </Group>
    </>
  );
}
