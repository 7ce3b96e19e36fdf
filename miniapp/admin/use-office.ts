/**
 * `useApp()` for the office: its strings added to `t`, its API client, and what the server said this member may
 * open (asked once per session: `GET /api/admin/office`), with the brand they are working on.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { type AppServices, useApp } from '../app-context.ts';
import type { Messages } from '../i18n.ts';
import {
  forgetOfficeAccess as forgetSharedOfficeAccess,
  officeAccess as sharedOfficeAccess,
} from '../office-access.ts';
import { type AsyncState, useAsync } from '../use-async.ts';
import { type OfficeMessages, officeMessages } from './i18n-office.ts';
import { type Office, type OfficeApi, officeApi } from './office-api.ts';

export type OfficeServices = Omit<AppServices, 't'> & { t: Messages & OfficeMessages; office: OfficeApi };

export function useOffice(): OfficeServices {
  const app = useApp();
  return useMemo(
    () => ({ ...app, t: { ...app.t, ...officeMessages[app.language] }, office: officeApi(app.api) }),
    [app],
  );
}

/** The member's brands and sections; one request per session, shared with the first screen (../office-access.ts). */
export function officeAccess(services: Pick<OfficeServices, 'api'>): Promise<Office> {
  return sharedOfficeAccess(services.api);
}

/** Asks the server again at the next screen: after a change to what the member may open (a brand created). */
export function forgetOfficeAccess(services: Pick<OfficeServices, 'api'>): void {
  forgetSharedOfficeAccess(services.api);
}

/** The member's rights asked again now: the copy this session read may be older than a refusal just answered. */
export function officeAccessAskedAgain(services: Pick<OfficeServices, 'api'>): Promise<Office> {
  forgetOfficeAccess(services);
  return officeAccess(services);
}

let brandId: number | undefined;
const brandListeners = new Set<() => void>();

/** The brand the member is working on (the first one until they pick another). */
export function useBrand(office: Office): [Office['brands'][number] | undefined, (id: number) => void] {
  const selected = useSyncExternalStore(
    (l) => {
      brandListeners.add(l);
      return () => brandListeners.delete(l);
    },
    () => brandId,
  );
  const brand = office.brands.find((b) => b.id === selected) ?? office.brands[0];
  const select = (id: number) => {
    brandId = id;
    for (const l of brandListeners) l();
  };
  return [brand, select];
}

/**
 * The one office-wide access hook: every section reads the member's rights here (never `GET /api/admin/office`
 * itself). `sections` are those of `brandId` (the working brand when omitted); empty until the answer arrives.
 * `access` is the request's own state, for a screen that cannot draw without the answer: a failed request is an
 * error with a Retry that asks again (a failed answer is not kept: ../office-access.ts), not a spinner for ever.
 * @example const { sections } = useOfficeRights(doc.brandId); if (sections.includes('prizes')) …
 */
export function useOfficeRights(brandId?: number): {
  office: Office | undefined;
  sections: string[];
  access: AsyncState<Office>;
} {
  const services = useOffice();
  const access = useAsync(() => officeAccess(services), [services]);
  const office = access.status === 'ready' ? access.data : undefined;
  const id = brandId ?? brandIdSelected();
  const brand = office?.brands.find((b) => b.id === id) ?? (brandId === undefined ? office?.brands[0] : undefined);
  return { office, sections: brand?.sections ?? [], access };
}

const brandIdSelected = () => brandId;
