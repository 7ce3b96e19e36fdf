/**
 * Fields side by side where there is room, one under another on a phone. VKUI's horizontal `FormLayoutGroup` shares
 * the width whatever it is: three prize limits on a 375 px screen cut each label to "Лимит…" and a label that wraps
 * pushes its input out of line with its neighbours'.
 */
import { FormLayoutGroup, useAdaptivityWithJSMediaQueries, ViewWidth } from '@vkontakte/vkui';
import type { ReactNode } from 'react';

export function FieldRow({ children }: { children: ReactNode }) {
  const { viewWidth } = useAdaptivityWithJSMediaQueries();
  return (
    <FormLayoutGroup mode={viewWidth >= ViewWidth.SMALL_TABLET ? 'horizontal' : 'vertical'}>{children}</FormLayoutGroup>
  );
}
