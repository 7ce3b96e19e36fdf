/**
 * Any address the app does not know, and the office for someone the server does not let in (the same screen, so
 * it says nothing about what is there): a header with Back and a way home. Nothing is loaded from another host.
 */
import { Icon56GhostOutline } from '@vkontakte/icons';
import { Button, Group, Panel, Placeholder } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { supportEn, supportRu } from '../i18n-support.ts';
import { PanelHeaderWithBack } from '../PanelHeaderWithBack.tsx';
import { useRouteNavigator } from '../routes.ts';

/** The content, for a panel the shell already wraps (the office). */
export function NotFound() {
  const { t: app, language } = useApp();
  const t = language === 'ru' ? supportRu : supportEn;
  const navigator = useRouteNavigator();
  return (
    <>
      <PanelHeaderWithBack back={app.back}>{t.notFoundTitle}</PanelHeaderWithBack>
      <Group>
        <Placeholder
          icon={<Icon56GhostOutline />}
          title={t.notFoundTitle}
          action={
            <Button size="m" onClick={() => navigator.replace('/')} data-testid="not-found-home">
              {t.goHome}
            </Button>
          }
          data-testid="not-found"
        >
          {t.notFoundText}
        </Placeholder>
      </Group>
    </>
  );
}

export function NotFoundPanel({ id }: { id: string }) {
  return (
    <Panel id={id}>
      <NotFound />
    </Panel>
  );
}
