/**
 * The office's one wording of a failed load: every LoadState inside the office says the server's refusal in the
 * office's words (refusal-text.ts), under its own screen's header with Back. Provided once, at the office's root
 * (AdminOffice), so no screen words it on its own; before this, most screens that load by id turned a 403 or 404
 * into the generic not-found, which said nothing of why and had no header.
 */
import type { ReactNode } from 'react';
import { LoadStateWording } from '../screens/LoadState.tsx';
import { refusalText } from './refusal-text.ts';

export function OfficeWording({ children }: { children: ReactNode }) {
  return <LoadStateWording.Provider value={refusalText}>{children}</LoadStateWording.Provider>;
}
