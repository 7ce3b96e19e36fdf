/**
 * @module One editor of the brand's support library (a canned answer or a knowledge-base article): the item picked
 * from the list or a new one, its save and its removal. A write's refusal is shown beside the form; an edit names the
 * copy it was made on, so a save over someone's newer one is refused (`saved_meanwhile`) with the member's text kept
 * in the form until they load the saved version in its place.
 */
import { useRef, useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { useOfficeWrite } from '../office-write.tsx';

export interface LibraryItem {
  id: number;
  updatedAt: number;
}

export interface LibraryFormOptions<T extends LibraryItem, F> {
  empty: F;
  fieldsOf: (item: T) => F;
  /** The list as saved now: read again to load the version someone else saved. */
  load: () => Promise<T[]>;
  save: (fields: F, editing: T | undefined) => Promise<T>;
  remove: (id: number) => Promise<void>;
  /** The list changed: read it again. */
  changed: () => void;
  /** `{reason}` is the refusal's wording. */
  errorTemplate: string;
}

export function useLibraryForm<T extends LibraryItem, F>(o: LibraryFormOptions<T, F>) {
  const [fields, setFields] = useState<F>(o.empty);
  const [editing, setEditing] = useState<T | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const { error, run, clear } = useOfficeWrite(o.errorTemplate);
  /** The form's top: brought into view when an item is picked (on a phone it is below the list). */
  const formRef = useRef<HTMLDivElement>(null);

  const open = (item: T | undefined) => {
    setEditing(item);
    setFields(item ? o.fieldsOf(item) : o.empty);
    setStale(false);
    clear();
  };
  const pick = (item: T) => {
    open(item);
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  /** Runs a write once at a time; the list is read again after any write that landed. */
  const write = async (action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    let code: string | undefined;
    const landed = await run(async () => {
      try {
        await action();
        return true;
      } catch (e) {
        code = e instanceof ApiRequestError ? e.code : undefined;
        throw e;
      }
    });
    setBusy(false);
    setStale(code === 'saved_meanwhile');
    if (landed) {
      open(undefined);
      o.changed();
    }
  };

  return {
    fields,
    setFields,
    editing,
    busy,
    error,
    /** The last save was refused because someone saved this item since. */
    stale,
    formRef,
    pick,
    startNew: () => open(undefined),
    save: () => write(() => o.save(fields, editing)),
    remove: () => write(async () => editing && o.remove(editing.id)),
    /** Replaces the form with the version saved now (or a new one if it was deleted meanwhile). */
    loadSaved: async () => {
      const id = editing?.id;
      const saved = await run(o.load);
      if (!saved) return;
      open(saved.find((item) => item.id === id));
      o.changed();
    },
  };
}
