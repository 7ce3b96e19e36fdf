/** The enter_code task's form: the code from a receipt or a pack, checked on the server (each code works once). */
import { Button, FormItem, Input } from '@vkontakte/vkui';
import { useState } from 'react';
import type { Task } from '../../api/client.ts';
import { submitTaskCode } from './task-action.ts';
import { usePromoApp } from './use-promo-app.ts';

interface Props {
  campaignId: number;
  task: Task;
  busy: boolean;
  onSubmit: (action: () => Promise<Task>) => Promise<void>;
}

export function EnterCodeForm({ campaignId, task, busy, onSubmit }: Props) {
  const { api, t } = usePromoApp();
  const [code, setCode] = useState('');
  const submit = () => {
    if (code.trim()) void onSubmit(() => submitTaskCode(api, campaignId, task, code.trim()));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}
    >
      <FormItem top={t.codeLabel} htmlFor={`code-${task.key}`} noPadding style={{ flex: 1 }}>
        <Input
          id={`code-${task.key}`}
          value={code}
          placeholder={t.codePlaceholder}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
          slotProps={{ input: { 'data-testid': `task-code-${task.key}` } }}
        />
      </FormItem>
      <Button size="l" type="submit" loading={busy} disabled={!code.trim()} data-testid={`task-action-${task.key}`}>
        {task.state === 'failed' ? t.retry : t.task_enter_code}
      </Button>
    </form>
  );
}
