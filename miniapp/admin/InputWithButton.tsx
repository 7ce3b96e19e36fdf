/**
 * A text input with its one action beside it ("Добавить" next to a VK id). VKUI's stretched `ButtonGroup` is a flex
 * row in which the input takes the width, so on a phone the button shrank to "Доба…"; here the button keeps its size
 * and the input takes what is left.
 */
import { Button, ButtonGroup } from '@vkontakte/vkui';
import type { ReactNode } from 'react';

export function InputWithButton(props: {
  input: ReactNode;
  label: string;
  disabled?: boolean;
  /** The action is on its way: the button spins (and waits). */
  loading?: boolean;
  onClick: () => void;
  /** The button's test id (a test taps it and measures where its refusal is said). */
  testId?: string;
}) {
  return (
    <ButtonGroup mode="horizontal" gap="m" stretched>
      {props.input}
      <Button
        style={{ flexShrink: 0 }}
        data-testid={props.testId}
        disabled={props.disabled || props.loading}
        loading={props.loading}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
    </ButtonGroup>
  );
}
