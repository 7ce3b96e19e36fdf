/**
 * Keeps the VK client's idea of the app's address in step with the hash router (what
 * @vkontakte/vk-mini-apps-router's `useBridge` did): the client is told each new screen (`VKWebAppSetLocation`, so a
 * shared or restored app opens there) and may move the app itself (`VKWebAppChangeFragment`, e.g. a notification
 * tapped while it is open). Passed to `RouterProvider` only in the VK build's shell.
 */
import bridge, { type AnyReceiveMethodName, type VKBridgeEvent } from '@vkontakte/vk-bridge';
import type { HashRouter } from './hash-router.ts';

export function syncVkLocation(router: HashRouter): () => void {
  const onEvent = ({ detail }: VKBridgeEvent<AnyReceiveMethodName>) => {
    if (detail.type !== 'VKWebAppChangeFragment') return;
    const fragment = String((detail.data as { location?: unknown }).location ?? '');
    // The fragment is either the route itself or `path=<route>`, as VK sends it.
    router.replace(new URLSearchParams(fragment).get('path') || fragment || '/');
  };
  bridge.subscribe(onEvent);
  const unsubscribe = router.subscribe(() => {
    bridge
      .send('VKWebAppSetLocation', { location: router.getState().location.href, replace_state: true })
      .catch(() => undefined);
  });
  return () => {
    bridge.unsubscribe(onEvent);
    unsubscribe();
  };
}
