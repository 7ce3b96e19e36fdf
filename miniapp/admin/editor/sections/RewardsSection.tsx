import { FormLayoutGroup, Group, Header } from '@vkontakte/vkui';
import { FieldRow } from '../../FieldRow.tsx';
import type { DocumentReward } from '../../office-api.ts';
import { freshKey, removeAt, replaceAt, type SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { BilingualField, ChoiceField, NumberField, TextField } from '../fields.tsx';
import { AddRowButton, RemoveRowButton } from '../RowButtons.tsx';

type UnlockKind = 'tasks' | 'quiz' | 'wheel' | 'code';
// A pack-code prize read as «За задания» before 'code' was a kind here (and a new prize of such a campaign was one).
const unlockKind = (u: DocumentReward['unlock']): UnlockKind =>
  'quiz' in u ? 'quiz' : 'wheel' in u ? 'wheel' : 'code' in u ? 'code' : 'tasks';
const UNLOCKS: Record<UnlockKind, DocumentReward['unlock']> = {
  tasks: { tasks: 'all' },
  quiz: { quiz: true },
  wheel: { wheel: true },
  code: { code: true },
};

export function RewardsSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
  const set = (i: number, change: (r: DocumentReward) => DocumentReward) =>
    edit((d) => ({ ...d, rewards: replaceAt(d.rewards, i, change) }));
  const pools = [
    { value: '', label: t.noPool },
    ...doc.pools.map((p) => ({ value: p.key, label: `${p.name} (${p.free}/${p.total})` })),
  ];
  return (
    <Group header={<Header>{t.rewards}</Header>} data-testid="office-rewards">
      {doc.rewards.map((r, i) => {
        const at = `rewards.${i}`;
        const unlock = unlockKind(r.unlock);
        return (
          <FormLayoutGroup key={r.key} mode="vertical" segmented data-testid={`office-reward-${i}`}>
            <BilingualField
              label={t.title}
              path={`${at}.title`}
              value={r.title}
              onChange={(title) => set(i, (x) => ({ ...x, title }))}
            />
            <BilingualField
              label={t.description}
              path={`${at}.description`}
              multiline
              value={r.description}
              onChange={(description) => set(i, (x) => ({ ...x, description }))}
            />
            <BilingualField
              label={t.howToUse}
              path={`${at}.howToUse`}
              multiline
              value={r.howToUse}
              onChange={(howToUse) => set(i, (x) => ({ ...x, howToUse }))}
            />
            <FieldRow>
              <ChoiceField
                label={t.pool}
                path={`${at}.poolKey`}
                value={r.poolKey ?? ''}
                options={pools}
                onChange={(v) => set(i, (x) => ({ ...x, poolKey: v || null }))}
              />
              <NumberField
                label={t.stockLimit}
                path={`${at}.stock`}
                nullable
                value={r.stock}
                onChange={(stock) => set(i, (x) => ({ ...x, stock }))}
              />
            </FieldRow>
            <FieldRow>
              <NumberField
                label={t.dailyCap}
                path={`${at}.dailyCap`}
                nullable
                min={1}
                value={r.dailyCap}
                onChange={(dailyCap) => set(i, (x) => ({ ...x, dailyCap }))}
              />
              <NumberField
                label={t.weight}
                path={`${at}.weight`}
                value={r.weight}
                onChange={(weight) => set(i, (x) => ({ ...x, weight: weight ?? 0 }))}
              />
              <NumberField
                label={t.perUserLimit}
                path={`${at}.perUserLimit`}
                min={1}
                value={r.perUserLimit ?? 1}
                onChange={(limit) => set(i, (x) => ({ ...x, perUserLimit: limit ?? 1 }))}
              />
            </FieldRow>
            <FieldRow>
              <ChoiceField
                label={t.unlock}
                path={`${at}.unlock`}
                value={unlock}
                options={(['tasks', 'quiz', 'wheel', 'code'] as const).map((k) => ({
                  value: k,
                  label: t[`unlock_${k}`],
                }))}
                onChange={(k) => set(i, (x) => ({ ...x, unlock: UNLOCKS[k] }))}
              />
              {'tasks' in r.unlock && (
                <TextField
                  label={t.unlockTasksCount}
                  path={`${at}.unlock.tasks`}
                  value={String(r.unlock.tasks)}
                  onChange={(v) => {
                    const n = Number(v);
                    if (v === 'all' || (v !== '' && Number.isInteger(n) && n >= 0))
                      set(i, (x) => ({ ...x, unlock: { ...x.unlock, tasks: v === 'all' ? 'all' : n } }));
                  }}
                />
              )}
            </FieldRow>
            <RemoveRowButton onRemove={() => edit((d) => ({ ...d, rewards: removeAt(d.rewards, i) }))}>
              {t.removeReward}
            </RemoveRowButton>
          </FormLayoutGroup>
        );
      })}
      <AddRowButton
        onAdd={() =>
          edit((d) => ({
            ...d,
            rewards: [
              ...d.rewards,
              {
                key: freshKey('reward', d.rewards),
                title: { ru: '', en: '' },
                description: { ru: '', en: '' },
                howToUse: { ru: '', en: '' },
                poolKey: null,
                stock: null,
                dailyCap: null,
                weight: 1,
                requiresServerVerified: false,
                unlock:
                  d.mechanic === 'wheel' || d.mechanic === 'quiz' || d.mechanic === 'code'
                    ? UNLOCKS[d.mechanic]
                    : { tasks: 'all' },
              },
            ],
          }))
        }
      >
        {t.addReward}
      </AddRowButton>
    </Group>
  );
}
