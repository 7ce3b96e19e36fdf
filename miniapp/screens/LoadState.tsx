/** The loading and error states every screen shows the same way. */
import { Button, Placeholder, Spinner } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { useApp } from '../app-context.ts';
import { errorText } from '../i18n-errors.ts';
import type { AsyncState } from '../use-async.ts';

export function LoadState<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const { t, language } = useApp();
  if (state.status === 'loading') return <Spinner size="l" style={{ margin: '48px 0' }} aria-label={t.loading} />;
  if (state.status === 'error') {
    return (
      <Placeholder title={t.errorTitle} action={<Button onClick={state.retry}>{t.retry}</Button>}>
        {errorText(state.error, language)}
      </Placeholder>
    );
  }
  return <>{children(state.data)}</>;
}
