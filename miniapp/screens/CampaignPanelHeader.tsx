/** The header of a campaign's screens: back, and help with this campaign (with its unread answers), then the title. */
import type { ReactNode } from 'react';
import { useApp } from '../app-context.ts';
import { PanelHeaderWithBack } from '../PanelHeaderWithBack.tsx';
import { HelpButton } from './support/HelpButton.tsx';

export function CampaignPanelHeader({ campaignId, children }: { campaignId: number | undefined; children: ReactNode }) {
  const { t } = useApp();
  return (
    <PanelHeaderWithBack back={t.back} before={<HelpButton campaignId={campaignId} />}>
      {children}
    </PanelHeaderWithBack>
  );
}
