/**
 * The editor's list buttons, one look everywhere a section holds rows (tasks, rewards, quiz questions and bands):
 * "add" under the list and "remove" under a row, both hidden when the editor is read-only.
 */
import { Icon24Add } from '@vkontakte/icons';
import { Button, Div } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { useEditor } from './editor-context.ts';

export function AddRowButton({ onAdd, testId, children }: { onAdd: () => void; testId?: string; children: ReactNode }) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <Div>
      <Button mode="secondary" before={<Icon24Add />} onClick={onAdd} data-testid={testId}>
        {children}
      </Button>
    </Div>
  );
}

/** Shown only while `allowed` (a list that must keep a row passes false for its last one). */
export function RemoveRowButton({
  onRemove,
  allowed = true,
  children,
}: {
  onRemove: () => void;
  allowed?: boolean;
  children: ReactNode;
}) {
  const { readOnly } = useEditor();
  if (readOnly || !allowed) return null;
  return (
    <Div>
      <Button mode="tertiary" appearance="negative" size="s" onClick={onRemove}>
        {children}
      </Button>
    </Div>
  );
}
