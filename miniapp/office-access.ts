/**
 * What the server says this person may open in the brand office (`GET /api/admin/office`), asked once per session
 * and shared: the first screen reads it (embedded in the page with the list for a VK or OK launch, else asked once the
 * list is drawn) to show the office's entry to whoever may use it (brand and agency members invited to the team as
 * well as community admins), and the office reads the same answer rather than asking again. The server decides; the
 * entry only spares people a screen that would say "not found". Decision 042.
 */
import type { ApiClient } from './api/client.ts';
import { dropFirstScreenResponse } from './api/first-screen.ts';

/** `GET /api/admin/office` (server/office/office.routes.ts). */
export interface Office {
  /** Who the caller is to the office (`<platform>:<user id>`): whose drafts the office keeps (admin/kept-drafts.ts). */
  member?: string;
  /** The brands the member may open, each with its agency (whose white label the office shows) and sections. */
  brands: {
    id: number;
    name: string;
    agencyId: number;
    sections: string[];
    /** Whether it has a VK app, which a campaign runs in (absent from an older server: taken as yes, «Use» decides). */
    hasApp?: boolean;
    /** Whether the member may open its page under Agency, where its apps are connected (absent: no). */
    canManage?: boolean;
  }[];
  /** Whether the member may open the audit log (absent from an older server: no). */
  canSeeAudit?: boolean;
  /** The member's agencies: white label, their role there, whether they may open Agency (server/office/office.routes.ts). */
  agencies?: {
    id: number;
    name: string;
    logoUrl: string | null;
    accent: string | null;
    role: string;
    canManage: boolean;
  }[];
  /** Whether this launch, a community admin's with no rights yet, may claim its community's brand (server decides). */
  communityClaim?: boolean;
}

const PATH = '/api/admin/office';
const asked = new WeakMap<object, Promise<Office>>();

/** The member's brands and sections; one request per session (a failed one is asked again next time). */
export function officeAccess(api: Pick<ApiClient, 'request'>): Promise<Office> {
  let access = asked.get(api);
  if (!access) {
    access = api.request<Office>('GET', PATH);
    asked.set(api, access);
    access.catch(() => asked.delete(api));
  }
  return access;
}

/**
 * Asks the server again next time: after a change to what the member may open (a brand created, a claim, an
 * invitation accepted). The answer embedded in the page, if still unread, is as old as the page: dropped too.
 */
export function forgetOfficeAccess(api: Pick<ApiClient, 'request'>): void {
  asked.delete(api);
  dropFirstScreenResponse(PATH);
}

/** Whether the office opens for this answer: a brand to work on, or an agency to manage (an owner with no brand yet). */
export const opensOffice = (office: Office): boolean =>
  office.brands.length > 0 || office.agencies?.some((a) => a.canManage) === true;
