/**
 * One copy of each campaign's state for every panel that shows it (home, quiz, reward), so a claim or an answer
 * made on one screen shows on the others. The first load in a session reads the state and opens the campaign
 * (POST /open, with the referral code of the share link that brought the user) when it can be opened: running,
 * or already joined. A campaign that cannot be joined now (not started, paused, ended) is only read.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { ApiRequestError, type CampaignState, type SpinResult } from '../../api/client.ts';
import { useApp } from '../../app-context.ts';
import type { AsyncState } from '../../use-async.ts';
import { useCampaignAccent } from '../../use-campaign-accent.ts';

type Api = ReturnType<typeof useApp>['api'];

interface Store {
  entries: Map<number, AsyncState<CampaignState>>;
  listeners: Set<() => void>;
  opened: Set<number>;
  /** States the page already holds (a deep link's campaign, embedded or asked early): used instead of the first read. */
  fromPage: Map<number, CampaignState>;
  /**
   * Spins whose result the participant has not seen yet, by campaign: the server drew, the wheel was still turning,
   * and they left (Back, another screen). The wheel, opened again, shows where it stopped and what it brought — it
   * showed nothing, and a won sector had silently gone from the wheel (found from outside). A reload loses this
   * memory; the prize itself is in "My prizes" either way.
   */
  unseenSpins: Map<number, SpinResult>;
}

/**
 * One store per API client: the participant app has one client for its whole life; the office's live preview gives
 * the same screens its own client (a preview data source), so a preview never mixes with what the participant saw.
 */
const stores = new WeakMap<Api, Store>();
function storeOf(api: Api): Store {
  let store = stores.get(api);
  if (!store) {
    store = {
      entries: new Map(),
      listeners: new Set(),
      opened: new Set(),
      fromPage: new Map(),
      unseenSpins: new Map(),
    };
    stores.set(api, store);
  }
  return store;
}
const LOADING: AsyncState<CampaignState> = { status: 'loading' };

/** The wheel's spins not yet seen to their end, by campaign (see Store). */
export function unseenSpins(api: Api): Map<number, SpinResult> {
  return storeOf(api).unseenSpins;
}

/** The referral code of the share link the app was launched with (`#/campaigns/1?ref=…`). */
const launchRef =
  typeof window === 'undefined' ? null : new URLSearchParams(window.location.hash.split('?')[1]).get('ref');

function put(api: Api, id: number, state: AsyncState<CampaignState>): void {
  const { entries, listeners } = storeOf(api);
  entries.set(id, state);
  for (const l of listeners) l();
}

/** Reads a campaign's state, opening it when it can be opened (exported for its test). */
export async function fetchState(api: Api, id: number): Promise<CampaignState> {
  const { fromPage, opened } = storeOf(api);
  const embedded = fromPage.get(id);
  fromPage.delete(id);
  const state = embedded ?? (await api.campaignState(id));
  // Open (join, or record a return) only what can be opened: a running campaign or one already joined.
  if (opened.has(id) || (state.campaign.phase !== 'running' && !state.participant)) return state;
  try {
    const opening = await api.openCampaign(id, launchRef ?? undefined);
    opened.add(id);
    return opening.state;
  } catch (err) {
    // The phase changed in between (e.g. just ended): read it again. The state read above still says running and
    // not joined, which a screen waiting for the join (the calculator) would wait on for ever (found from outside).
    if (err instanceof ApiRequestError && err.status === 409) return await api.campaignState(id);
    throw err;
  }
}

async function load(api: Api, id: number, quiet: boolean): Promise<void> {
  const current = storeOf(api).entries.get(id);
  if (!quiet || current?.status !== 'ready') put(api, id, LOADING);
  const reload = () => void load(api, id, false);
  try {
    put(api, id, { status: 'ready', data: await fetchState(api, id), reload });
  } catch (error) {
    if (quiet && current?.status === 'ready') return;
    put(api, id, { status: 'error', error: error as Error, retry: reload });
  }
}

export interface CampaignActions {
  /** Re-reads the state from the server (keeps showing the current one meanwhile). */
  refresh: () => Promise<void>;
  /** Replaces one task in the state with the server's answer about it. */
  patchTask: (task: CampaignState['tasks'][number]) => void;
}

/** For parts of a screen that change the state (a task, a claim) but do not load it themselves. */
export function useCampaignActions(campaignId: number | undefined): CampaignActions {
  const { api } = useApp();
  const refresh = useCallback(
    () => (campaignId === undefined ? Promise.resolve() : load(api, campaignId, true)),
    [api, campaignId],
  );
  const patchTask = useCallback(
    (task: CampaignState['tasks'][number]) => {
      const current = campaignId === undefined ? undefined : storeOf(api).entries.get(campaignId);
      if (campaignId === undefined || current?.status !== 'ready') return;
      const tasks = current.data.tasks.map((t) => (t.key === task.key ? task : t));
      put(api, campaignId, { ...current, data: { ...current.data, tasks } });
    },
    [api, campaignId],
  );
  return { refresh, patchTask };
}

/** For a screen: the campaign's state, loaded on first show and quietly re-read whenever the screen opens again. */
export function useCampaignState(
  campaignId: number | undefined,
): CampaignActions & { state: AsyncState<CampaignState> } {
  const { api, telemetry } = useApp();
  const { entries, listeners, fromPage } = storeOf(api);
  if (campaignId !== undefined && !entries.has(campaignId)) {
    // Set during render without telling listeners: no screen shows this campaign yet, this render is its first read.
    const embedded = api.pageCampaignState(campaignId);
    if (embedded) {
      fromPage.set(campaignId, embedded);
      entries.set(campaignId, { status: 'ready', data: embedded, reload: () => void load(api, campaignId, false) });
    }
  }
  const state = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (campaignId === undefined ? LOADING : (entries.get(campaignId) ?? LOADING)),
  );
  useEffect(() => {
    if (campaignId === undefined) return;
    const current = storeOf(api).entries.get(campaignId);
    if (!current) void load(api, campaignId, false);
    else if (current.status === 'ready') void load(api, campaignId, true);
  }, [api, campaignId]);
  useCampaignAccent(state.status === 'ready' ? state.data.campaign.theme.accent : undefined);
  const participating = state.status === 'ready' && state.data.participant !== null;
  useEffect(() => {
    if (participating && campaignId !== undefined) telemetry?.joined(campaignId);
  }, [telemetry, participating, campaignId]);
  return { state, ...useCampaignActions(campaignId) };
}
