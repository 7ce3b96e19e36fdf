/**
 * The lead form under the result: name, phone, e-mail (each contact can be filled from VK, signed, where the client
 * offers it), consent to personal-data processing with the brand's policy link (152-FZ) required before sending.
 * After sending, the success state; a repeat shows that the first request stands.
 */
import { Icon24CheckCircleOutline } from '@vkontakte/icons';
import { Button, Checkbox, FormItem, FormStatus, Group, Header, Input, Link, Placeholder } from '@vkontakte/vkui';
import { useState } from 'react';
import { errorText } from '../../i18n-errors.ts';
import { fill } from '../../i18n-fill.ts';
import type { ContactResult } from '../../platform/types.ts';
import type { CalculatorValues, CalculatorView, LeadBody, LeadReceipt } from './calculator-api.ts';
import { checkLead, EMPTY_LEAD, type LeadDraft, type LeadErrors, leadBody, leadServerErrors } from './lead-fields.ts';
import { useCalculatorApp } from './use-calculator-app.ts';

interface Props {
  lead: CalculatorView['lead'];
  /** The inputs of the calculation shown: the server computes the lead's result from them again. */
  inputs: CalculatorValues;
  formatResult(result: number): string;
  sendLead(body: LeadBody): Promise<LeadReceipt>;
}

type Contact = 'phone' | 'email';

export function LeadForm({ lead, inputs, formatResult, sendLead }: Props) {
  const { tc, platform, language } = useCalculatorApp();
  const [draft, setDraft] = useState<LeadDraft>(EMPTY_LEAD);
  const [errors, setErrors] = useState<LeadErrors>({});
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<LeadReceipt>();
  const [fromVk, setFromVk] = useState<Record<Contact, boolean>>({ phone: true, email: true });
  const offerVk = platform.name === 'vk';

  const edit = (patch: Partial<LeadDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k.replace(/Sign$/, '') as keyof LeadErrors];
      return next;
    });
  };

  const askClient = async (field: Contact) => {
    const answer: ContactResult = field === 'phone' ? await platform.getPhoneNumber() : await platform.getEmail();
    if (answer.status === 'done') {
      edit(
        field === 'phone'
          ? { phone: answer.value, phoneSign: answer.sign }
          : { email: answer.value, emailSign: answer.sign },
      );
    } else if (answer.status === 'unsupported') {
      setFromVk((f) => ({ ...f, [field]: false }));
    } else {
      setErrors((e) => ({ ...e, [field]: answer.status === 'denied' ? tc.leadFromVkDenied : tc.leadFromVkFailed }));
    }
  };

  const submit = async () => {
    const found = checkLead(draft, tc);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      setReceipt(await sendLead(leadBody(draft, inputs, lead.consentVersion)));
    } catch (error) {
      const byField = leadServerErrors(error, tc);
      if (byField) setErrors(byField);
      else setFailure(errorText(error as Error, language));
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    return (
      <Group>
        <Placeholder
          icon={<Icon24CheckCircleOutline width={56} height={56} />}
          title={receipt.already ? tc.leadAlready : tc.leadSent}
          data-testid="lead-sent"
        >
          {fill(receipt.already ? tc.leadAlreadyHint : tc.leadSentHint, { result: formatResult(receipt.result) })}
        </Placeholder>
      </Group>
    );
  }

  const contact = (field: Contact, label: string, type: string) => {
    const signed = field === 'phone' ? draft.phoneSign : draft.emailSign;
    return (
      <FormItem
        top={label}
        status={errors[field] ? 'error' : signed ? 'valid' : 'default'}
        bottom={errors[field] ?? (signed ? tc.leadVerified : undefined)}
        data-testid={`lead-field-${field}`}
      >
        <Input
          type={type}
          value={draft[field]}
          // Editing a value VK signed drops the sign: the server would refuse the changed value.
          onChange={(e) =>
            edit(
              field === 'phone'
                ? { phone: e.target.value, phoneSign: undefined }
                : { email: e.target.value, emailSign: undefined },
            )
          }
          after={
            offerVk && fromVk[field] ? (
              <Button mode="link" size="s" onClick={() => void askClient(field)} data-testid={`lead-vk-${field}`}>
                {tc.leadFromVk}
              </Button>
            ) : undefined
          }
          data-testid={`lead-${field}`}
        />
      </FormItem>
    );
  };

  return (
    <Group header={<Header>{tc.leadTitle}</Header>}>
      {failure && (
        <FormItem>
          <FormStatus mode="error">{failure}</FormStatus>
        </FormItem>
      )}
      <FormItem
        top={tc.leadName}
        status={errors.name ? 'error' : 'default'}
        bottom={errors.name}
        data-testid="lead-field-name"
      >
        <Input value={draft.name} onChange={(e) => edit({ name: e.target.value })} data-testid="lead-name" />
      </FormItem>
      {contact('phone', tc.leadPhone, 'tel')}
      {contact('email', tc.leadEmail, 'email')}
      <FormItem status={errors.consent ? 'error' : 'default'} bottom={errors.consent} data-testid="lead-field-consent">
        <Checkbox
          checked={draft.consent}
          onChange={(e) => edit({ consent: e.target.checked })}
          description={
            <Link href={lead.policyUrl} target="_blank" rel="noopener noreferrer" data-testid="lead-policy">
              {tc.leadConsentPolicy}
            </Link>
          }
          data-testid="lead-consent"
        >
          {lead.consentText}
        </Checkbox>
      </FormItem>
      <FormItem>
        <Button size="l" stretched loading={sending} onClick={() => void submit()} data-testid="lead-send">
          {tc.leadSend}
        </Button>
      </FormItem>
    </Group>
  );
}
