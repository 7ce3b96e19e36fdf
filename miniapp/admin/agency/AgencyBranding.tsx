/**
 * The agency's white label in the office: its logo and name in the header, and its accent laid over VKUI's accent
 * tokens by the office's shell (AdminOffice.tsx, miniapp/accent-style.ts) for every office screen. A brand's office
 * shows its own agency's (`useAgencyBranding(office, brand)`), never a vendor's.
 */
import { Avatar, PanelHeader } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import type { Office } from '../office-api.ts';

export type Branding = NonNullable<Office['agencies']>[number];

/** The white label of `brand`'s agency (the office a brand sees), else of the member's first agency. */
export function useAgencyBranding(office: Office, brand?: { agencyId: number }): Branding | undefined {
  return office.agencies?.find((a) => a.id === brand?.agencyId) ?? office.agencies?.[0];
}

/** A panel header carrying the agency's logo and name before the screen's title. */
export function BrandedHeader(props: {
  branding?: Branding;
  title: string;
  back?: { label: string; onClick(): void };
}) {
  const { branding, title, back } = props;
  const logo: ReactNode = branding?.logoUrl ? (
    <Avatar size={28} src={branding.logoUrl} alt="" data-testid="agency-logo" />
  ) : null;
  const text = <span data-testid="agency-header">{branding ? `${branding.name} · ${title}` : title}</span>;
  return back ? (
    <PanelHeaderWithBack back={back.label} onBack={back.onClick} after={logo}>
      {text}
    </PanelHeaderWithBack>
  ) : (
    <PanelHeader after={logo}>{text}</PanelHeader>
  );
}
