/**
 * The brand office, lazy-loaded so a participant's bundle carries none of it. The server decides who may enter
 * (`GET /api/admin/office`); until it has said yes, nothing here names the office, and a no is shown as the ordinary
 * not-found screen. Each office panel (home, catalogue, editor, revision) renders through here.
 */
import { lazy, Suspense, useState } from 'react';
import { accentStyle } from '../accent-style.ts';
import { Loading } from '../Loading.tsx';
import { opensOffice } from '../office-access.ts';
import { PANELS } from '../routes.ts';
import { NotFound } from '../screens/NotFoundPanel.tsx';
import { useAsync } from '../use-async.ts';
import { useAgencyBranding } from './agency/AgencyBranding.tsx';
import { AgencyBrandPage } from './agency/AgencyBrandPage.tsx';
import { AgencyBrands } from './agency/AgencyBrands.tsx';
import { AgencySettings } from './agency/AgencySettings.tsx';
import { AgencyTeam } from './agency/AgencyTeam.tsx';
import { AuditPanel } from './audit/AuditPanel.tsx';
import { Catalogue } from './catalogue/Catalogue.tsx';
import { CampaignEditor } from './editor/CampaignEditor.tsx';
import { CommunityClaim } from './home/CommunityClaim.tsx';
import { OfficeHome } from './home/OfficeHome.tsx';
import { draftsBelongTo } from './kept-drafts.ts';
import { LoadStateScreen } from './LoadStateScreen.tsx';
import { BrandLeads } from './leads/BrandLeads.tsx';
import { LeadDetail } from './leads/LeadDetail.tsx';
import { LeadsInbox } from './leads/LeadsInbox.tsx';
import { LeadWebhook } from './leads/LeadWebhook.tsx';
import { OfficeWording } from './OfficeWording.tsx';
import type { Office } from './office-api.ts';
import { RevisionView } from './revisions/RevisionView.tsx';
import SupportInbox from './support/SupportInbox.tsx';
import { CannedAnswersPanel, KnowledgeBasePanel } from './support/SupportLibrary.tsx';
import SupportThread from './support/SupportThread.tsx';
import { TeamPanel } from './team/TeamPanel.tsx';
import { officeAccess, useBrand, useOffice } from './use-office.ts';

// Statistics (and uPlot with it) and mailings each in their own chunk: not part of the office's first download.
const StatsPanel = lazy(() => import('./stats/StatsPanel.tsx'));
const StuckPanel = lazy(() => import('./stats/StuckPanel.tsx'));
const FunnelBreakdownPanel = lazy(() => import('./stats/FunnelBreakdownPanel.tsx'));
const MailingsSection = lazy(() => import('./mailings/MailingsSection.tsx'));
const chunkLoading = <Loading size="l" style={{ margin: '48px 0' }} />;

/** Panel content; the shell wraps it in its `Panel` so the View sees the panel id before the chunk loads. */
export default function AdminOffice({ panel }: { panel: string }) {
  return (
    <OfficeWording>
      <OfficeEntry panel={panel} />
    </OfficeWording>
  );
}

function OfficeEntry({ panel }: { panel: string }) {
  const services = useOffice();
  // Bumped after a community admin's claim: the server is asked again what this person may open.
  const [asked, askAgain] = useState(0);
  const access = useAsync(() => officeAccess(services), [services, asked]);
  if (access.status === 'ready') {
    // An agency owner with no brand yet still enters, to create the first one.
    if (opensOffice(access.data)) return <BrandedOffice panel={panel} office={access.data} />;
    if (access.data.communityClaim) return <CommunityClaim onClaimed={() => askAgain((n) => n + 1)} />;
    return <NotFound />;
  }
  // No title (nothing names the office yet), but Back: a failed request must not leave the member stuck here.
  return <LoadStateScreen state={access} />;
}

/** Every office screen in the accent of the working brand's agency (its white label; VKUI's own when it has none). */
function BrandedOffice({ panel, office }: { panel: string; office: Office }) {
  // Before any form below reads its draft in its first render (an effect here would run after theirs); idempotent.
  draftsBelongTo(office.member);
  const [brand] = useBrand(office);
  const branding = useAgencyBranding(office, brand);
  return (
    <div style={accentStyle(branding?.accent)} data-testid="office-accent">
      <OfficePanel panel={panel} office={office} />
    </div>
  );
}

function OfficePanel({ panel, office }: { panel: string; office: Office }) {
  switch (panel) {
    case PANELS.adminCatalogue:
      return <Catalogue office={office} />;
    case PANELS.adminCampaign:
      return <CampaignEditor />;
    case PANELS.adminRevision:
      return <RevisionView />;
    case PANELS.adminAgency:
      return <AgencyBrands office={office} />;
    case PANELS.adminAgencyBrand:
      return <AgencyBrandPage office={office} />;
    case PANELS.adminAgencySettings:
      return <AgencySettings office={office} />;
    case PANELS.adminAgencyTeam:
      return <AgencyTeam office={office} />;
    case PANELS.adminAudit:
      return <AuditPanel office={office} />;
    case PANELS.adminTeam:
      return <TeamPanel office={office} />;
    case PANELS.adminBrandMailings:
    case PANELS.adminMailings:
    case PANELS.adminMailingRule:
    case PANELS.adminMailingBroadcast:
      return (
        <Suspense fallback={chunkLoading}>
          <MailingsSection panel={panel} office={office} />
        </Suspense>
      );
    case PANELS.adminSupport:
      return <SupportInbox />;
    case PANELS.adminSupportTicket:
      return <SupportThread />;
    case PANELS.adminSupportKnowledge:
      return <KnowledgeBasePanel />;
    case PANELS.adminSupportCanned:
      return <CannedAnswersPanel />;
    case PANELS.adminBrandLeads:
      return <BrandLeads office={office} />;
    case PANELS.adminLeads:
      return <LeadsInbox />;
    case PANELS.adminLead:
      return <LeadDetail />;
    case PANELS.adminLeadWebhook:
      return <LeadWebhook />;
    case PANELS.adminCampaignStats:
    case PANELS.adminBrandStats:
      return (
        <Suspense fallback={chunkLoading}>
          <StatsPanel panel={panel} />
        </Suspense>
      );
    case PANELS.adminStuck:
    case PANELS.adminStuckStage:
      return (
        <Suspense fallback={chunkLoading}>
          <StuckPanel panel={panel} />
        </Suspense>
      );
    case PANELS.adminFunnelBreakdown:
      return (
        <Suspense fallback={chunkLoading}>
          <FunnelBreakdownPanel />
        </Suspense>
      );
    default:
      return <OfficeHome office={office} />;
  }
}
