/**
 * Stands in for vk-mini-apps-router's `DefaultNotFound` (swapped in by vite.config.ts): the original paints
 * `https://vk.ru/images/error404.png`, an external resource a self-contained bundle must not carry. Our routes end
 * in a catch-all panel (NotFoundPanel), so the router never shows this; if it ever does, it offers the way home.
 */
export function DefaultNotFound({ routeNavigator }: { routeNavigator: { replace(to: string): unknown } }) {
  return (
    <button type="button" onClick={() => void routeNavigator.replace('/')} style={{ margin: 16 }}>
      ⌂
    </button>
  );
}
