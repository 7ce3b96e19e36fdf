/**
 * One request: the participant's messages and the brand's answers, a reply box, and the seen mark sent to the server
 * for the newest message shown (which clears the help badge once every answer has been seen).
 */
import { Button, Card, Div, Footnote, FormItem, FormStatus, Group, Panel, Text, Textarea } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { composeKey } from '../../api/client-key.ts';
import type { TicketThread } from '../../api/support.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { LoadState } from '../LoadState.tsx';
import { BODY_MAX, checkField } from './ticket-limits.ts';
import { setUnread } from './unread-store.ts';
import { useSupportApp } from './use-support-app.ts';

export function TicketPanel({ id }: { id: string }) {
  const { t, support, language } = useSupportApp();
  const ticketId = Number(useRouteParam('ticketId'));
  const valid = Number.isSafeInteger(ticketId) && ticketId > 0;
  const loaded = useAsync(() => support.ticket(ticketId), [support, ticketId], valid);
  const [thread, setThread] = useState<TicketThread | null>(null);
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  // The same reply sent again after a lost answer carries the same key: written once (client-key.ts).
  const [keys] = useState(() => composeKey());

  useEffect(() => {
    if (loaded.status === 'ready') setThread(loaded.data);
  }, [loaded]);

  // Not `.at(-1)`: the participant's build targets ES2020 and older iOS WebViews (before 15.4) lack it.
  const last = thread?.messages[thread.messages.length - 1]?.id;
  useEffect(() => {
    if (!thread || last === undefined) return;
    support.markTicketSeen(thread.ticket.id, last).then(setUnread, () => undefined);
  }, [support, thread, last]);

  const send = async () => {
    if (!thread || checkField(reply, BODY_MAX)) return;
    setSending(true);
    setFailed(false);
    try {
      const text = reply.trim();
      setThread(await support.replyToTicket(thread.ticket.id, text, keys.keyFor(text)));
      keys.sent();
      setReply('');
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  };

  const time = (ms: number) => formatDateTime(ms, language);

  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>
        {valid ? fill(t.ticketNumber, { id: ticketId }) : t.helpTitle}
      </PanelHeaderWithBack>
      <LoadState state={loaded}>
        {() =>
          thread && (
            <>
              <Group header={<Div>{thread.ticket.subject}</Div>} data-testid="ticket-thread">
                {thread.messages.map((m) => (
                  <Div key={m.id} data-testid={`message-${m.author}`}>
                    <Card mode={m.author === 'agent' ? 'outline' : 'tint'}>
                      <Div>
                        <Footnote weight="2">
                          {m.author === 'agent' ? t.brand : t.you} · {time(m.createdAt)}
                        </Footnote>
                        <Text style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{m.body}</Text>
                      </Div>
                    </Card>
                  </Div>
                ))}
              </Group>
              <Group>
                {failed && (
                  <FormItem>
                    <FormStatus mode="error">{t.sendFailed}</FormStatus>
                  </FormItem>
                )}
                <FormItem top={t.reply} htmlFor="ticket-reply">
                  <Textarea
                    id="ticket-reply"
                    value={reply}
                    rows={3}
                    maxLength={BODY_MAX}
                    placeholder={t.replyPlaceholder}
                    onChange={(e) => setReply(e.target.value)}
                    data-testid="ticket-reply"
                  />
                </FormItem>
                <FormItem>
                  <Button
                    size="l"
                    stretched
                    loading={sending}
                    disabled={checkField(reply, BODY_MAX) !== undefined}
                    onClick={() => void send()}
                    data-testid="ticket-reply-send"
                  >
                    {t.send}
                  </Button>
                </FormItem>
              </Group>
            </>
          )
        }
      </LoadState>
    </Panel>
  );
}
