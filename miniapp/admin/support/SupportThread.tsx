/**
 * One request (`#/admin/brand/:brandId/support/ticket/:ticketId`): the conversation, the participant's progress
 * beside it (above it on a phone), canned answers inserted into the reply box in one tap (their variables are filled by the server when
 * sent), status and assignee. Each composed reply carries its own key, so a retried send is not sent twice. The reply
 * being typed is kept per request on the device (reply-draft.ts): Back to the inbox and in again finds it as it was.
 */
import {
  Button,
  Chip,
  Div,
  FormItem,
  Group,
  Header,
  NativeSelect,
  SimpleCell,
  SplitCol,
  SplitLayout,
  Text,
  Textarea,
  useAdaptivityWithJSMediaQueries,
  ViewWidth,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { composeKey } from '../../api/client-key.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { label, teamStrings } from '../i18n-team.ts';
import { PersonWho } from '../PersonWho.tsx';
import { personText } from '../person-who.ts';
import { refusalText } from '../refusal-text.ts';
import { dropReplyDraft, keepReplyDraft, takeReplyDraft } from './reply-draft.ts';
import { type InboxThread, TICKET_STATUSES, type TicketStatus } from './support-api.ts';
import { ThreadProgress } from './ThreadProgress.tsx';
import { useSupportOffice } from './use-support-office.ts';

export default function SupportThread() {
  const { s, language, brandId, ticketId, support } = useSupportOffice();
  const team = teamStrings(language);
  const { viewWidth } = useAdaptivityWithJSMediaQueries();
  const wide = viewWidth >= ViewWidth.TABLET;
  const [fresh, setFresh] = useState<InboxThread | null>(null);
  // Held with the request it belongs to: another request's text is never shown (or kept) as this one's.
  const [typed, setTyped] = useState(() => ({ ticketId, text: takeReplyDraft(brandId, ticketId) }));
  const body = typed.ticketId === ticketId ? typed.text : takeReplyDraft(brandId, ticketId);
  const setBody = (text: string) => {
    setTyped({ ticketId, text });
    keepReplyDraft(brandId, ticketId, text);
  };
  // One key per text: a retry of the same text after a lost answer is written once; an edited text is a new reply
  // (with the old key the server would hand back the first reply and drop the edit).
  const [keys] = useState(() => composeKey());
  const [note, setNote] = useState<string | null>(null);
  const state = useAsync(async () => {
    const [thread, canned, agents] = await Promise.all([support.thread(ticketId), support.canned(), support.agents()]);
    return { thread, canned, agents };
  }, [support, ticketId]);
  const send = async () => {
    try {
      const r = await support.reply(ticketId, body, keys.keyFor(body));
      setFresh(r);
      setTyped({ ticketId, text: '' });
      dropReplyDraft(brandId, ticketId);
      keys.sent();
      setNote(r.delivery === 'bot' ? s.sentBot : s.sentApp);
    } catch (err) {
      setNote(refusalText(err, language));
    }
  };
  // A status or assignee change: its dropdown waits while it is sent, and a refusal is said under that dropdown (it
  // was the reply box's hint line, far from the dropdown on a phone).
  const [changing, setChanging] = useState<'status' | 'assignee' | null>(null);
  const [changeError, setChangeError] = useState<{ field: 'status' | 'assignee'; text: string } | null>(null);
  const change = async (c: { status?: TicketStatus; assigneeMembershipId?: number | null }) => {
    const field = c.status === undefined ? 'assignee' : 'status';
    setChanging(field);
    setChangeError(null);
    try {
      setFresh(await support.update(ticketId, c));
    } catch (err) {
      setChangeError({ field, text: refusalText(err, language) });
    } finally {
      setChanging(null);
    }
  };
  const failed = (field: 'status' | 'assignee') => (changeError?.field === field ? changeError.text : undefined);
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{fill(s.ticket, { id: ticketId })}</PanelHeaderWithBack>
      <LoadState state={state}>
        {({ thread: loaded, canned, agents }) => {
          const thread = fresh ?? loaded;
          // A reply goes to the participant: canned text in their language (the office's when they are unknown).
          const replyLanguage = thread.progress?.language ?? language;
          const messages = (
            <Group header={<Header>{thread.ticket.subject}</Header>} data-testid="thread-messages">
              {/* Who wrote: linked to the VK profile only where the server gives one (never for an OK or Telegram id). */}
              <SimpleCell multiline subtitle={s.participant} data-testid="thread-participant">
                <PersonWho person={{ ...thread.ticket, userId: thread.ticket.platformUserId }} />
              </SimpleCell>
              {thread.messages.map((m) => (
                <SimpleCell
                  key={m.id}
                  multiline
                  subtitle={`${m.author === 'agent' ? s.authorAgent : s.authorUser} · ${formatDateTime(m.createdAt, language)}`}
                >
                  <Text weight={m.author === 'agent' ? '2' : '3'} style={{ whiteSpace: 'pre-wrap' }}>
                    {m.body}
                  </Text>
                </SimpleCell>
              ))}
            </Group>
          );
          const answer = (
            <Group>
              {/* Only with answers to offer, under their name: an empty row of them was a blank strip on top. */}
              {canned.length > 0 && (
                <FormItem top={s.canned}>
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                    {canned.map((c) => (
                      <Chip
                        key={c.id}
                        value={String(c.id)}
                        removable={false}
                        data-testid={`canned-${c.id}`}
                        onClick={() => setBody(replyLanguage === 'en' && c.bodyEn ? c.bodyEn : c.bodyRu)}
                      >
                        {c.title}
                      </Chip>
                    ))}
                  </div>
                </FormItem>
              )}
              <FormItem top={s.reply} htmlFor="reply-body" bottom={note ?? s.variablesHint}>
                <Textarea
                  id="reply-body"
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                  data-testid="reply-body"
                />
              </FormItem>
              <Div>
                <Button size="l" stretched disabled={!hasVisibleText(body)} onClick={send} data-testid="reply-send">
                  {s.send}
                </Button>
              </Div>
              <FormItem
                top={s.status}
                htmlFor="thread-status"
                status={failed('status') ? 'error' : 'default'}
                bottom={failed('status')}
                bottomId="thread-status-error"
              >
                <NativeSelect
                  id="thread-status"
                  data-testid="thread-status"
                  disabled={changing !== null}
                  value={thread.ticket.status}
                  onChange={(e) => void change({ status: e.target.value as TicketStatus })}
                >
                  {TICKET_STATUSES.map((x) => (
                    <option key={x} value={x}>
                      {s[`status_${x}`]}
                    </option>
                  ))}
                </NativeSelect>
              </FormItem>
              <FormItem
                top={s.assignee}
                htmlFor="thread-assignee"
                status={failed('assignee') ? 'error' : 'default'}
                bottom={failed('assignee')}
                bottomId="thread-assignee-error"
              >
                <NativeSelect
                  id="thread-assignee"
                  data-testid="thread-assignee"
                  disabled={changing !== null}
                  value={String(thread.ticket.assigneeMembershipId ?? '')}
                  onChange={(e) =>
                    void change({ assigneeMembershipId: e.target.value ? Number(e.target.value) : null })
                  }
                >
                  <option value="">{s.nobody}</option>
                  {agents.map((a) => (
                    <option key={a.membershipId} value={String(a.membershipId)}>
                      {`${personText(a, language)} (${label(team, 'role', a.role)})`}
                    </option>
                  ))}
                </NativeSelect>
              </FormItem>
            </Group>
          );
          const progress = <ThreadProgress s={s} language={language} progress={thread.progress} />;
          // Side by side where there is room. On a phone the request comes first (what the agent opened the thread
          // for), then the participant's progress to check it against, then the answer.
          return wide ? (
            <SplitLayout>
              <SplitCol>
                {messages}
                {answer}
              </SplitCol>
              <SplitCol width={320} maxWidth={360}>
                {progress}
              </SplitCol>
            </SplitLayout>
          ) : (
            <>
              {messages}
              {progress}
              {answer}
            </>
          );
        }}
      </LoadState>
    </>
  );
}
