/**
 * What the ticket form accepts, the same bounds the server's zod schema enforces (server/support/support.schemas.ts
 * `NewTicketSchema`), checked before sending so the person sees which field to fix; the server still decides.
 */
import { hasVisibleText } from '../../../server/http/visible-text.ts';

export const SUBJECT_MAX = 120;
export const BODY_MAX = 4000;

export type FieldError = 'required' | 'tooLong' | undefined;

export function checkField(value: string, max: number): FieldError {
  const trimmed = value.trim();
  // Only zero-width or control characters is as empty as nothing: the server refuses it (`blank_text`).
  if (!hasVisibleText(trimmed)) return 'required';
  return trimmed.length > max ? 'tooLong' : undefined;
}
