/** Loads data for a screen and exposes loading / error / retry, so every screen handles them the same way. */
import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'ready'; data: T; reload: () => void };

/**
 * `enabled: false` keeps the screen in its loading state without calling the server (e.g. no id yet). `initial`
 * (read once, at mount) is data the page already holds: the first render draws it and the first load is skipped.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  enabled = true,
  initial?: () => T | undefined,
): AsyncState<T> {
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  const [state, setState] = useState<AsyncState<T>>(() => {
    const data = initial?.();
    return data === undefined ? { status: 'loading' } : { status: 'ready', data, reload: again };
  });
  const skipFirstLoad = useRef(state.status === 'ready');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` is the caller's dependency list.
  useEffect(() => {
    if (!enabled) return;
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (data) => live && setState({ status: 'ready', data, reload: again }),
      (error: Error) => live && setState({ status: 'error', error, retry: again }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt, enabled]);
  return state;
}
