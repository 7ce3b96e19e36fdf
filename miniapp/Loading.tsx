/**
 * VKUI's spinner, saying "loading" in the screen's language. VKUI's own `Spinner` carries a hidden «Загружается...»
 * for screen readers whatever the language, so an English screen read Russian; beside a visible word of its own
 * («Считаем…»), `quiet` drops the hidden one so it is not read twice.
 */
import { Spinner, type SpinnerProps } from '@vkontakte/vkui';
import { useApp } from './app-context.ts';

export function Loading({ quiet = false, ...props }: Omit<SpinnerProps, 'children'> & { quiet?: boolean }) {
  const { t } = useApp();
  return quiet ? (
    <Spinner {...props}>{null}</Spinner>
  ) : (
    <Spinner aria-label={t.loading} {...props}>
      {t.loading}
    </Spinner>
  );
}
