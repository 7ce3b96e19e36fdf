/** "Write to us": a subject and a message, checked here for the person's sake and by the server for real. */
import { Button, FormItem, FormStatus, Group, Input, Panel, Textarea } from '@vkontakte/vkui';
import { useState } from 'react';
import { composeKey } from '../../api/client-key.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { BODY_MAX, checkField, type FieldError, SUBJECT_MAX } from './ticket-limits.ts';
import { useSupportApp } from './use-support-app.ts';

export function NewTicketPanel({ id }: { id: string }) {
  const { t, support } = useSupportApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  // A tap on Send again after a lost answer sends the same key: one ticket, not two (client-key.ts).
  const [keys] = useState(() => composeKey());

  const subjectError = checked ? checkField(subject, SUBJECT_MAX) : undefined;
  const bodyError = checked ? checkField(body, BODY_MAX) : undefined;
  const say = (e: FieldError, required: string, tooLong: string, max: number) =>
    e === 'required' ? required : e === 'tooLong' ? fill(tooLong, { max }) : undefined;

  const submit = async () => {
    setChecked(true);
    setFailed(false);
    if (campaignId === undefined || checkField(subject, SUBJECT_MAX) || checkField(body, BODY_MAX)) return;
    setSending(true);
    try {
      const input = { campaignId, subject: subject.trim(), body: body.trim() };
      const clientKey = keys.keyFor(JSON.stringify(input));
      const thread = await support.openTicket({ ...input, clientKey });
      keys.sent();
      navigator.replace(paths.helpTicket(campaignId, thread.ticket.id));
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  };

  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.newTicketTitle}</PanelHeaderWithBack>
      <Group>
        {failed && (
          <FormItem>
            <FormStatus mode="error" data-testid="ticket-send-failed">
              {t.sendFailed}
            </FormStatus>
          </FormItem>
        )}
        <FormItem
          top={t.subject}
          htmlFor="ticket-subject"
          status={subjectError ? 'error' : 'default'}
          bottom={say(subjectError, t.subjectRequired, t.subjectTooLong, SUBJECT_MAX)}
        >
          <Input
            id="ticket-subject"
            value={subject}
            maxLength={SUBJECT_MAX}
            placeholder={t.subjectPlaceholder}
            onChange={(e) => setSubject(e.target.value)}
            data-testid="ticket-subject"
          />
        </FormItem>
        <FormItem
          top={t.message}
          htmlFor="ticket-body"
          status={bodyError ? 'error' : 'default'}
          bottom={say(bodyError, t.messageRequired, t.messageTooLong, BODY_MAX)}
        >
          <Textarea
            id="ticket-body"
            value={body}
            rows={5}
            placeholder={t.messagePlaceholder}
            onChange={(e) => setBody(e.target.value)}
            data-testid="ticket-body"
          />
        </FormItem>
        <FormItem>
          <Button size="l" stretched loading={sending} onClick={() => void submit()} data-testid="ticket-send">
            {t.send}
          </Button>
        </FormItem>
      </Group>
    </Panel>
  );
}
