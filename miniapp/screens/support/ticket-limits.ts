/**
 * What the ticket form accepts, the same bounds the server's zod schema enforces (server/support/support.schemas.ts
 * `NewTicketSchema`), checked before sending so the person sees which field to fix; the server still decides.
 */
export const SUBJECT_MAX = 120;
export const BODY_MAX = 4000;

export type FieldError = 'required' | 'tooLong' | undefined;

export function checkField(value: string, max: number): FieldError {
  const trimmed = value.trim();
  if (trimmed.length === 0) return 'required';
  return trimmed.length > max ? 'tooLong' : undefined;
}
