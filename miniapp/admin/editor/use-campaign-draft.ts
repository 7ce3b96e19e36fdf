/**
 * The editor's working copy of a campaign document: loaded from the server, changed locally, saved explicitly.
 * Tracks whether there are unsaved changes and keeps the server's problems (from the last read, save or refused
 * publish) so the form and the list can show them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import type { Language } from '../../intl-formats.ts';
import { type AsyncState, useAsync } from '../../use-async.ts';
import type { CampaignDocument, CampaignStatus, Edited, Problem } from '../office-api.ts';
import { issueWording, refusalText } from '../refusal-text.ts';
import { holdsRight } from '../right-known.ts';
import { useOffice, useOfficeRights } from '../use-office.ts';
import type { EditDocument } from './document-edit.ts';
import { dropUnsavedEdits, keepUnsavedEdits, takeUnsavedEdits } from './unsaved-edits.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed';

/** Refusals that mean the server's copy moved on since it was read: only loading it again lets a save through. */
const STALE_COPY = new Set(['edited_meanwhile', 'status_changed']);

/**
 * Problems the server sent with a refusal (422 `not_publishable`), or its shape issues turned into problems: worded
 * by their code where this office words it ("не длиннее 200 символов"), otherwise as a value that does not fit.
 */
export function problemsOfRefusal(err: unknown, language: Language): Problem[] | undefined {
  if (!(err instanceof ApiRequestError) || err.status !== 422) return undefined;
  const detail = err.detail ?? {};
  if (Array.isArray(detail.problems)) return detail.problems as Problem[];
  if (Array.isArray(detail.issues)) {
    // A refused publish names each problem's code as the issue's message; a shape error says what is wrong.
    const coded = err.code === 'not_publishable';
    return err.issues.map((i) => {
      // A key the server's shape does not have: its own words, naming the key (a value is not what is wrong).
      if (i.code === 'unknown_key')
        return { path: i.path, code: i.code, severity: 'error' as const, params: { ...i.params } };
      const because = coded ? undefined : issueWording(i, language);
      return {
        path: i.path,
        code: coded ? i.message : because ? 'invalid_because' : 'invalid',
        severity: 'error' as const,
        params: because ? { because } : { message: i.message },
      };
    });
  }
  return undefined;
}

/**
 * What a save sends when the member may not move a published campaign's dates (no `launch`, decision 116): the
 * working copy with the start and end as the server has them, so a text change is never refused (403) for dates the
 * form had locked anyway (edits restored from this device may still hold moved ones).
 * @example sendable(working, serverCopy, true) // working with serverCopy's startsAt and endsAt
 */
export function sendable(
  working: CampaignDocument,
  server: CampaignDocument | undefined,
  datesLocked: boolean,
): CampaignDocument {
  return datesLocked && server ? { ...working, startsAt: server.startsAt, endsAt: server.endsAt } : working;
}

/**
 * Whether a campaign's start, end and zone are locked for this member: a published one's (a draft's dates reach no
 * one) unless the member is known to hold `launch` (decision 116). Unknown rights (not answered yet, or the request
 * failed) lock them too: the fields stay open only when the server is known to accept a moved date, never to meet its
 * 403 at the save (fail closed).
 * @example datesLockedFor(undefined, 'live') // true: the rights are not known
 */
export function datesLockedFor(mayLaunch: boolean | undefined, status: CampaignStatus | undefined): boolean {
  return mayLaunch !== true && status !== undefined && status !== 'draft';
}

export function useCampaignDraft(campaignId: number | undefined) {
  const { office, language } = useOffice();
  const [doc, setDoc] = useState<CampaignDocument>();
  /** The server's copy as last read or saved: what the campaign is called until a save lands (the editor's header). */
  const [saved, setSaved] = useState<CampaignDocument>();
  const [problems, setProblems] = useState<Problem[]>([]);
  /** Warnings a launch now would meet (a scheduled campaign's list checks its planned start): the last answer's. */
  const [launchNow, setLaunchNow] = useState<Problem[]>([]);
  const [save, setSave] = useState<SaveState>('saved');
  const [failure, setFailure] = useState<string>();
  /** The last save was refused because someone changed the campaign meanwhile (see STALE_COPY). */
  const [stale, setStale] = useState(false);
  /** When the unsaved edits restored from this device (unsaved-edits.ts) were made; unset once saved or dropped. */
  const [restoredFrom, setRestoredFrom] = useState<number>();
  /** Bumped whenever the server's copy changes (save, status), so dependants (revisions) re-read. */
  const [version, setVersion] = useState(0);
  const latest = useRef<CampaignDocument>(undefined);
  const rights = useOfficeRights(doc?.brandId);
  /** Whether the member holds `launch` for the brand (decision 116); undefined until the office's access answer. */
  const mayLaunch = holdsRight(rights, 'launch');
  /** A published (not draft) campaign's dates, for a member not known to hold `launch`: the server may refuse them. */
  const datesLocked = datesLockedFor(mayLaunch, saved?.status);
  /** The access request failed: the member's rights are unknown until its Retry answers (the editor says so). */
  const rightsFailed = rights.access.status === 'error' ? rights.access : undefined;
  const toSend = useCallback(
    (working: CampaignDocument) => sendable(working, saved, datesLocked),
    [saved, datesLocked],
  );

  const accept = useCallback((edited: Edited) => {
    latest.current = edited.document;
    dropUnsavedEdits(edited.document.id);
    setDoc(edited.document);
    setSaved(edited.document);
    setProblems(edited.problems);
    setLaunchNow(edited.launchNow);
    setSave('saved');
    setFailure(undefined);
    setStale(false);
    setRestoredFrom(undefined);
    setVersion((v) => v + 1);
  }, []);

  const refuse = useCallback(
    (err: unknown) => {
      const listed = problemsOfRefusal(err, language);
      if (listed) setProblems(listed);
      setFailure(refusalText(err, language));
      setStale(err instanceof ApiRequestError && STALE_COPY.has(err.code));
      setSave('failed');
    },
    [language],
  );

  /** Replaces the working copy with the server's (the member's unsaved edits are dropped: they asked for it). */
  const reload = useCallback(async () => {
    if (campaignId === undefined) return;
    setSave('saving');
    try {
      accept(await office.get(campaignId));
    } catch (err) {
      refuse(err);
    }
  }, [office, campaignId, accept, refuse]);

  // The first load through the office's one loader (useAsync): its Retry loads again on the same screen, and an
  // answer that comes after the screen moved on (another campaign opened meanwhile) is dropped there, so it never
  // overwrites the campaign now open (found from outside: the first campaign's late answer replaced the second's).
  const first = useAsync(() => office.get(campaignId ?? 0), [office, campaignId], campaignId !== undefined);
  useEffect(() => {
    // The id too: in the render that opens another campaign, `first` still holds the one before until it reloads.
    if (first.status !== 'ready' || first.data.document.id !== campaignId) return;
    const edited = first.data;
    // Taken before `accept`, which drops them: edits left here unsaved on this version come back as unsaved.
    const kept = takeUnsavedEdits(campaignId, edited.document.editVersion);
    accept(edited);
    if (!kept) return;
    latest.current = kept.document;
    keepUnsavedEdits(kept.document, kept.keptAt);
    setDoc(kept.document);
    setSave('dirty');
    setRestoredFrom(kept.keptAt);
  }, [first, campaignId, accept]);

  const edit: EditDocument = useCallback((change) => {
    if (!latest.current) return;
    latest.current = change(latest.current);
    keepUnsavedEdits(latest.current);
    setDoc(latest.current);
    setSave('dirty');
  }, []);

  const saveNow = useCallback(async () => {
    if (!latest.current) return;
    setSave('saving');
    try {
      accept(await office.save(toSend(latest.current)));
    } catch (err) {
      refuse(err);
    }
  }, [office, accept, refuse, toSend]);

  /** Runs a server action that answers with the document (status change), saving unsaved edits first. */
  const act = useCallback(
    async (action: () => Promise<Edited>) => {
      setSave('saving');
      try {
        if (latest.current && save === 'dirty') accept(await office.save(toSend(latest.current)));
        accept(await action());
      } catch (err) {
        refuse(err);
      }
    },
    [office, accept, refuse, save, toSend],
  );

  /** The campaign now open: until its own copy has come, none (not the one open before it). */
  const current = doc?.id === campaignId ? doc : undefined;
  const savedCurrent = saved?.id === campaignId ? saved : undefined;
  /** The first load as the office's load screens take it (LoadStateScreen): loading, or failed with its Retry. */
  const load: AsyncState<never> | undefined = current
    ? undefined
    : first.status === 'error'
      ? first
      : { status: 'loading' };

  return {
    doc: current,
    saved: savedCurrent,
    problems,
    launchNow,
    mayLaunch,
    datesLocked: datesLocked && savedCurrent !== undefined,
    /** Why the dates are locked, for the line under them: none while the rights are still being asked. */
    datesWhy: mayLaunch === false ? ('no_launch' as const) : rightsFailed ? ('rights_unknown' as const) : undefined,
    rightsFailed,
    save,
    failure,
    stale,
    restoredFrom,
    load,
    version,
    edit,
    saveNow,
    act,
    reload,
  };
}
