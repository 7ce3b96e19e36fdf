/** What every leads screen needs: the office services, this section's strings, the campaign from the route, its calls. */
import { useMemo } from 'react';
import { useRouteId } from '../../use-route-id.ts';
import { leadsMessages } from '../i18n-leads.ts';
import { useOffice } from '../use-office.ts';
import { leadsApi } from './leads-api.ts';

export function useLeads() {
  const services = useOffice();
  const campaignId = useRouteId() ?? 0;
  const l = leadsMessages[services.language];
  const calls = useMemo(() => leadsApi(services.api, campaignId), [services.api, campaignId]);
  return { ...services, l, calls, campaignId };
}
