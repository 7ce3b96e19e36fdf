/**
 * Spins whose result the participant has not seen yet: the server drew, the wheel was still turning, and they left
 * (Back, another screen). Kept per API client (the office preview has its own) so the wheel's screen, opened again,
 * shows where it stopped and what it brought — it showed nothing, and a won sector had silently gone from the wheel
 * (found from outside). A reload loses this memory; the prize itself is in "My prizes" either way.
 */
import type { SpinResult } from '../../api/client.ts';
import type { useApp } from '../../app-context.ts';

type Api = ReturnType<typeof useApp>['api'];
const byClient = new WeakMap<Api, Map<number, SpinResult>>();

export function unseenSpins(api: Api): Map<number, SpinResult> {
  let spins = byClient.get(api);
  if (!spins) {
    spins = new Map();
    byClient.set(api, spins);
  }
  return spins;
}
