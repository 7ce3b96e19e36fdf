import { FormLayoutGroup, Group, Header, InfoRow, SimpleCell } from '@vkontakte/vkui';
import type { TaskKind } from '../../../../server/db/schema/promo.ts';
import { TASK_KIND_INFO } from '../../../../server/promo/tasks/task-kinds.ts';
import { FieldRow } from '../../FieldRow.tsx';
import type { DocumentTask, QuizSettings } from '../../office-api.ts';
import { type EditDocument, freshKey, removeAt, replaceAt, type SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { taskConfigLabel } from '../field-label.ts';
import { BilingualField, ChoiceField, NumberField, TextField } from '../fields.tsx';
import { AddRowButton, RemoveRowButton } from '../RowButtons.tsx';
import { defaultConfig, TASK_CONFIG_FIELDS } from '../task-config-fields.ts';
import { QuizQuestions } from './QuizQuestions.tsx';

const KINDS = Object.keys(TASK_KIND_INFO) as TaskKind[];

function TaskConfig({ task, i, doc, edit }: { task: DocumentTask; i: number } & SectionProps) {
  const { t } = useEditor();
  const setConfig = (name: string, value: unknown) =>
    edit((d) => ({
      ...d,
      tasks: replaceAt(d.tasks, i, (x) => {
        const config = { ...x.config, [name]: value };
        if (value === null || value === '') delete config[name];
        return { ...x, config };
      }),
    }));
  return (
    <>
      {TASK_CONFIG_FIELDS[task.kind].map((field) => {
        const path = `tasks.${i}.config.${field.name}`;
        const label = taskConfigLabel(t, field.name);
        const value = task.config[field.name];
        switch (field.type) {
          case 'text':
          case 'url':
            return (
              <TextField
                key={field.name}
                label={label}
                path={path}
                type={field.type}
                value={String(value ?? '')}
                onChange={(v) => setConfig(field.name, v)}
              />
            );
          case 'number':
            return (
              <NumberField
                key={field.name}
                label={label}
                path={path}
                min={field.min}
                max={field.max}
                nullable={field.optional}
                value={typeof value === 'number' ? value : null}
                onChange={(v) => setConfig(field.name, v)}
              />
            );
          case 'pool':
            return (
              <ChoiceField
                key={field.name}
                label={label}
                path={path}
                value={String(value ?? '')}
                options={[
                  { value: '', label: '—' },
                  ...doc.pools.map((p) => ({ value: p.key, label: `${p.name} (${p.free}/${p.total})` })),
                ]}
                onChange={(v) => setConfig(field.name, v)}
              />
            );
          case 'questions':
            return (
              <QuizQuestions
                key={field.name}
                path={path}
                questions={(value as QuizSettings['questions'] | undefined) ?? []}
                onChange={(questions) => setConfig(field.name, questions)}
              />
            );
        }
        return null;
      })}
    </>
  );
}

function addTask(edit: EditDocument) {
  edit((d) => ({
    ...d,
    tasks: [
      ...d.tasks,
      {
        key: freshKey('task', d.tasks),
        kind: 'visit_link',
        title: { ru: '', en: '' },
        description: { ru: '', en: '' },
        config: defaultConfig('visit_link', undefined),
        attemptsGranted: 0,
        position: d.tasks.length,
      },
    ],
  }));
}

export function TasksSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
  return (
    <Group header={<Header>{t.tasks}</Header>} data-testid="office-tasks">
      {doc.tasks.map((task, i) => (
        <FormLayoutGroup key={task.key} mode="vertical" segmented data-testid={`office-task-${i}`}>
          <FieldRow>
            <ChoiceField
              label={t.kind}
              path={`tasks.${i}.kind`}
              value={task.kind}
              options={KINDS.map((k) => ({ value: k, label: t[`kind_${k}`] }))}
              onChange={(kind) =>
                edit((d) => ({
                  ...d,
                  tasks: replaceAt(d.tasks, i, (x) => ({ ...x, kind, config: defaultConfig(kind, d.pools[0]?.key) })),
                }))
              }
            />
            <SimpleCell multiline>
              <InfoRow header={t.verification}>
                <span data-testid={`office-task-${i}-level`}>{t[`level_${TASK_KIND_INFO[task.kind].level}`]}</span>
              </InfoRow>
            </SimpleCell>
          </FieldRow>
          <BilingualField
            label={t.title}
            path={`tasks.${i}.title`}
            value={task.title}
            onChange={(title) => edit((d) => ({ ...d, tasks: replaceAt(d.tasks, i, (x) => ({ ...x, title })) }))}
          />
          <BilingualField
            label={t.description}
            path={`tasks.${i}.description`}
            multiline
            value={task.description}
            onChange={(description) =>
              edit((d) => ({ ...d, tasks: replaceAt(d.tasks, i, (x) => ({ ...x, description })) }))
            }
          />
          <NumberField
            label={t.attemptsGranted}
            path={`tasks.${i}.attemptsGranted`}
            value={task.attemptsGranted}
            onChange={(n) =>
              edit((d) => ({ ...d, tasks: replaceAt(d.tasks, i, (x) => ({ ...x, attemptsGranted: n ?? 0 })) }))
            }
          />
          <TaskConfig task={task} i={i} doc={doc} edit={edit} />
          <RemoveRowButton
            onRemove={() =>
              edit((d) => ({ ...d, tasks: removeAt(d.tasks, i).map((x, position) => ({ ...x, position })) }))
            }
          >
            {t.removeTask}
          </RemoveRowButton>
        </FormLayoutGroup>
      ))}
      <AddRowButton onAdd={() => addTask(edit)} testId="office-add-task">
        {t.addTask}
      </AddRowButton>
    </Group>
  );
}
