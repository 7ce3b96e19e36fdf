/**
 * A panel header with Back where the back is the app's to draw. Telegram draws its BackButton above the app on every
 * screen but the first (App.tsx shows it through the platform adapter), and Telegram's guidelines make that the one
 * back: a header ← beside it was a second (found from outside at 375 px). There the header draws none, and with
 * nothing else before the title VKUI lays the header out as one without Back. VK and OK keep the header's.
 */
import { PanelHeader, PanelHeaderBack, type PanelHeaderProps } from '@vkontakte/vkui';
import { useApp } from './app-context.ts';
import { useRouteNavigator } from './routes.ts';

/**
 * @example <PanelHeaderWithBack back={t.back}>{t.rules}</PanelHeaderWithBack>
 * `onBack` defaults to the router's back, which the client's own button calls too; `before` follows Back.
 */
export function PanelHeaderWithBack({
  back,
  onBack,
  before,
  ...header
}: PanelHeaderProps & { back: string; onBack?: () => void }) {
  const { platform } = useApp();
  const navigator = useRouteNavigator();
  const backButton = platform.drawsOwnBack ? null : (
    <PanelHeaderBack onClick={onBack ?? (() => navigator.back())} label={back} />
  );
  return (
    <PanelHeader
      {...header}
      before={
        backButton && before ? (
          <>
            {backButton}
            {before}
          </>
        ) : (
          (backButton ?? before)
        )
      }
    />
  );
}
