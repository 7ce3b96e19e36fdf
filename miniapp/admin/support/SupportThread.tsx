/**
 * One request (`#/admin/brand/:brandId/support/ticket/:ticketId`): the conversation, the participant's progress
 * beside it, canned answers inserted into the reply box in one tap (their variables are filled by the server when
 * sent), status and assignee. Each composed reply carries its own key, so a retried send is not sent twice.
 */
import {
  Button,
  Chip,
  Div,
  FormItem,
  Group,
  Header,
  PanelHeader,
  PanelHeaderBack,
  Select,
  SimpleCell,
  SplitCol,
  SplitLayout,
  Text,
  Textarea,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { fillIn, grantSource, taskStatus } from '../i18n-support.ts';
import { label, teamStrings } from '../i18n-team.ts';
import { type InboxThread, newReplyKey, type TicketStatus } from './support-api.ts';
import { useSupportOffice } from './use-support-office.ts';

export default function SupportThread() {
  const { s, language, ticketId, support } = useSupportOffice();
  const team = teamStrings(language === 'en' ? 'en' : 'ru');
  const navigator = useRouteNavigator();
  const [fresh, setFresh] = useState<InboxThread | null>(null);
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newReplyKey);
  const [note, setNote] = useState<string | null>(null);
  const state = useAsync(async () => {
    const [thread, canned, agents] = await Promise.all([support.thread(ticketId), support.canned(), support.agents()]);
    return { thread, canned, agents };
  }, [support, ticketId]);
  const send = async () => {
    try {
      const r = await support.reply(ticketId, body, key);
      setFresh(r);
      setBody('');
      setKey(newReplyKey());
      setNote(r.delivery === 'bot' ? s.sentBot : s.sentApp);
    } catch (err) {
      setNote((err as Error).message);
    }
  };
  const change = async (c: { status?: TicketStatus; assigneeMembershipId?: number | null }) =>
    setFresh(await support.update(ticketId, c));
  return (
    <>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} />}>
        {fillIn(s.ticket, { id: ticketId })}
      </PanelHeader>
      <LoadState state={state}>
        {({ thread: loaded, canned, agents }) => {
          const thread = fresh ?? loaded;
          const p = thread.progress;
          return (
            <SplitLayout>
              <SplitCol>
                <Group header={<Header>{thread.ticket.subject}</Header>} data-testid="thread-messages">
                  {thread.messages.map((m) => (
                    <SimpleCell key={m.id} multiline subtitle={new Date(m.createdAt).toLocaleString(language)}>
                      <Text weight={m.author === 'agent' ? '2' : '3'}>{m.body}</Text>
                    </SimpleCell>
                  ))}
                </Group>
                <Group>
                  <Div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                    {canned.map((c) => (
                      <Chip
                        key={c.id}
                        value={String(c.id)}
                        removable={false}
                        data-testid={`canned-${c.id}`}
                        onClick={() => setBody(language === 'en' && c.bodyEn ? c.bodyEn : c.bodyRu)}
                      >
                        {c.title}
                      </Chip>
                    ))}
                  </Div>
                  <FormItem top={s.reply} bottom={note ?? s.variablesHint}>
                    <Textarea value={body} onChange={(e) => setBody(e.target.value)} data-testid="reply-body" />
                  </FormItem>
                  <Div>
                    <Button size="l" disabled={!body.trim()} onClick={send} data-testid="reply-send">
                      {s.send}
                    </Button>
                  </Div>
                  <FormItem top={s.status}>
                    <Select
                      value={thread.ticket.status}
                      onChange={(e) => change({ status: e.target.value as TicketStatus })}
                      options={(['new', 'waiting_on_us', 'waiting_on_user', 'resolved'] as const).map((x) => ({
                        value: x,
                        label: s[`status_${x}`],
                      }))}
                    />
                  </FormItem>
                  <FormItem top={s.assignee}>
                    <Select
                      data-testid="thread-assignee"
                      value={String(thread.ticket.assigneeMembershipId ?? '')}
                      onChange={(e) => change({ assigneeMembershipId: e.target.value ? Number(e.target.value) : null })}
                      options={[
                        { value: '', label: s.nobody },
                        ...agents.map((a) => ({
                          value: String(a.membershipId),
                          label: `id${a.userId} (${label(team, 'role', a.role)})`,
                        })),
                      ]}
                    />
                  </FormItem>
                </Group>
              </SplitCol>
              <SplitCol width={320} maxWidth={360}>
                <Group header={<Header>{s.progress}</Header>} data-testid="thread-progress">
                  {p ? (
                    <>
                      <SimpleCell subtitle={s.stage}>{`${p.campaignTitle}: ${p.stage}`}</SimpleCell>
                      <Header size="s">{s.tasksDone}</Header>
                      {p.tasks.map((task) => (
                        <SimpleCell key={task.key} subtitle={taskStatus(s, task.status)}>
                          {task.title}
                        </SimpleCell>
                      ))}
                      <Header size="s">{s.rewards}</Header>
                      {p.rewards.map((r) => (
                        <SimpleCell
                          key={`${r.title}${r.code}${r.issuedAt}`}
                          subtitle={[r.code, grantSource(s, r.source)].filter(Boolean).join(' · ')}
                        >
                          {r.title}
                        </SimpleCell>
                      ))}
                    </>
                  ) : (
                    <Div>
                      <Text>{s.noProgress}</Text>
                    </Div>
                  )}
                </Group>
              </SplitCol>
            </SplitLayout>
          );
        }}
      </LoadState>
    </>
  );
}
