/**
 * What every mailing screen needs: the office services, this section's strings, the campaign from the route and its
 * mailing calls. Rights come from the office gate (AdminOffice) and, per campaign, from the server's answer.
 */
import { useMemo } from 'react';
import { fill } from '../../i18n-fill.ts';
import { useRouteId } from '../../use-route-id.ts';
import { mailingsMessages } from '../i18n-mailings.ts';
import { useOffice } from '../use-office.ts';
import { mailingApi, type Screen } from './mailing-api.ts';

export function useMailings() {
  const services = useOffice();
  const campaignId = useRouteId();
  const m = mailingsMessages[services.language];
  const calls = useMemo(() => mailingApi(services.api, campaignId ?? 0), [services.api, campaignId]);
  return { ...services, m, calls, campaignId };
}
export type MailingsServices = ReturnType<typeof useMailings>;

/** A deep-link target as the picker names it. */
export function screenLabel(m: MailingsServices['m'], s: Screen): string {
  return fill(m[`screen_${s.kind}`], { title: s.title });
}
