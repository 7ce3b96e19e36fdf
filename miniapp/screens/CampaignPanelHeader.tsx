/** The header of a campaign's screens: back, and help with this campaign (with its unread answers), then the title. */
import { PanelHeader, PanelHeaderBack } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { useApp } from '../app-context.ts';
import { useRouteNavigator } from '../routes.ts';
import { HelpButton } from './support/HelpButton.tsx';

export function CampaignPanelHeader({ campaignId, children }: { campaignId: number | undefined; children: ReactNode }) {
  const { t } = useApp();
  const navigator = useRouteNavigator();
  return (
    <PanelHeader
      before={
        <>
          <PanelHeaderBack onClick={() => navigator.back()} label={t.back} />
          <HelpButton campaignId={campaignId} />
        </>
      }
    >
      {children}
    </PanelHeader>
  );
}
