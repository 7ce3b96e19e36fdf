/**
 * How many of the participant's tickets hold a brand answer they have not seen, as the server last said. One value
 * for every help button on screen; re-asked when a screen with the button mounts and every 30 s while it stays.
 */
import { useEffect, useSyncExternalStore } from 'react';

const POLL_MS = 30_000;
let unread = 0;
const listeners = new Set<() => void>();

export function setUnread(count: number): void {
  if (count === unread) return;
  unread = count;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The unread count, kept fresh with `load` (the server's answer); a failed call keeps the last value. */
export function useUnreadTickets(load: () => Promise<number>): number {
  useEffect(() => {
    const refresh = () => void load().then(setUnread, () => undefined);
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  return useSyncExternalStore(subscribe, () => unread);
}
