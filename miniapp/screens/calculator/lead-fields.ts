/**
 * The lead form on the client: its checks before sending (the same rules the server applies, so most mistakes are
 * named at once), the body the lead route expects (a contact filled from VK carries VK's `sign`; one typed or edited
 * by hand carries none), and the server's refusals mapped to the field they are about.
 */
import { ApiRequestError } from '../../api/client.ts';
import type { CalculatorValues, LeadBody } from './calculator-api.ts';
import type { CalculatorMessages } from './i18n-calculator.ts';

export interface LeadDraft {
  name: string;
  phone: string;
  /** VK's sign of `phone`, kept only while the value is exactly what VK gave. */
  phoneSign?: string | undefined;
  email: string;
  emailSign?: string | undefined;
  consent: boolean;
}

export type LeadField = 'name' | 'phone' | 'email' | 'consent';
export type LeadErrors = Partial<Record<LeadField, string>>;

export const EMPTY_LEAD: LeadDraft = { name: '', phone: '', email: '', consent: false };

/** Digits only, as the server stores it: 10–15 digits with the country code, else undefined. */
export function phoneDigits(raw: string): string | undefined {
  const digits = raw.replace(/[\s()+-]/g, '');
  return /^\d{10,15}$/.test(digits) ? digits : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the form before it is sent; empty when it may go. */
export function checkLead(draft: LeadDraft, t: CalculatorMessages): LeadErrors {
  const errors: LeadErrors = {};
  if (!draft.name.trim()) errors.name = t.leadNameRequired;
  const phone = draft.phone.trim();
  const email = draft.email.trim();
  if (!phone && !email) errors.phone = t.leadContactRequired;
  if (phone && !phoneDigits(phone)) errors.phone = t.leadPhoneInvalid;
  if (email && !EMAIL.test(email)) errors.email = t.leadEmailInvalid;
  if (!draft.consent) errors.consent = t.leadConsentRequired;
  return errors;
}

export function leadBody(draft: LeadDraft, inputs: CalculatorValues, consentVersion: string): LeadBody {
  const phone = draft.phone.trim();
  const email = draft.email.trim();
  return {
    inputs,
    name: draft.name.trim(),
    ...(phone ? { phone: { value: phone, ...(draft.phoneSign ? { sign: draft.phoneSign } : {}) } } : {}),
    ...(email ? { email: { value: email, ...(draft.emailSign ? { sign: draft.emailSign } : {}) } } : {}),
    consent: draft.consent,
    consentVersion,
  };
}

/** The server's refusal as field messages; undefined when it is about none of the fields (shown as a whole). */
export function leadServerErrors(error: unknown, t: CalculatorMessages): LeadErrors | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  switch (error.code) {
    case 'consent_required':
      return { consent: t.leadConsentRequired };
    case 'consent_outdated':
      return { consent: t.leadConsentOutdated };
    case 'invalid_sign':
      return error.issues.some((i) => i.path.startsWith('email'))
        ? { email: t.leadSignInvalid }
        : { phone: t.leadSignInvalid };
    case 'invalid_input': {
      const errors: LeadErrors = {};
      for (const { path } of error.issues) {
        if (path === 'name') errors.name = t.leadNameRequired;
        else if (path.startsWith('phone')) errors.phone = path === 'phone' ? t.leadContactRequired : t.leadPhoneInvalid;
        else if (path.startsWith('email')) errors.email = path === 'email' ? t.leadContactRequired : t.leadEmailInvalid;
      }
      return Object.keys(errors).length > 0 ? errors : undefined;
    }
    default:
      return undefined;
  }
}
