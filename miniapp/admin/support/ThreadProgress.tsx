/**
 * The participant's progress beside a support conversation: campaign and stage, the tasks they did, the rewards they
 * got (codes masked by the server: the desk confirms a code, the `{code}` variable sends the real one).
 */
import { Div, Footnote, Group, Header, SimpleCell, Text } from '@vkontakte/vkui';
import { grantSource, type SupportOfficeMessages, taskStatus } from '../i18n-support.ts';
import { stageLabel } from '../stage-label.ts';
import type { Progress } from './support-api.ts';

export function ThreadProgress({
  s,
  language,
  progress: p,
}: {
  s: SupportOfficeMessages;
  language: 'ru' | 'en';
  progress: Progress | null;
}) {
  return (
    <Group header={<Header>{s.progress}</Header>} data-testid="thread-progress">
      {p ? (
        <>
          <SimpleCell
            multiline
            subtitle={s.stage}
          >{`${p.campaignTitle}: ${stageLabel(p.stage, language, p.taskTitles)}`}</SimpleCell>
          <Header size="s">{s.tasksDone}</Header>
          {p.tasks.length === 0 && <Empty text={s.noTasks} />}
          {p.tasks.map((task) => (
            <SimpleCell key={task.key} multiline subtitle={taskStatus(s, task.status)}>
              {task.title}
            </SimpleCell>
          ))}
          <Header size="s">{s.rewards}</Header>
          {p.rewards.length === 0 && <Empty text={s.noRewards} />}
          {p.rewards.map((r) => (
            <SimpleCell
              key={`${r.title}${r.code}${r.issuedAt}`}
              multiline
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
  );
}

/** A sub-list with nothing in it says so, instead of a bare heading. */
function Empty({ text }: { text: string }) {
  return (
    <Div>
      <Footnote style={{ color: 'var(--vkui--color_text_secondary)' }}>{text}</Footnote>
    </Div>
  );
}
