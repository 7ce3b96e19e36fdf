/**
 * The agency's white label in the office: its logo and name in the header and its accent laid over VKUI's accent
 * tokens. `useAgencyBranding(office)` picks the agency of the member's first membership; the shell can use it too.
 */
import { Avatar, PanelHeader, PanelHeaderBack } from '@vkontakte/vkui';
import type { CSSProperties, ReactNode } from 'react';
import type { Office } from '../office-api.ts';

export type Branding = NonNullable<Office['agencies']>[number];

export function useAgencyBranding(office: Office): Branding | undefined {
  return office.agencies?.[0];
}

/** VKUI's accent tokens set to the agency's colour (light and dark alike: it is the agency's own). */
export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  if (!accent) return undefined;
  const tokens = [
    '--vkui--color_background_accent',
    '--vkui--color_background_accent_themed',
    '--vkui--color_background_accent_tint',
    '--vkui--color_text_accent',
    '--vkui--color_text_accent_themed',
    '--vkui--color_icon_accent',
    '--vkui--color_icon_accent_themed',
    '--vkui--color_stroke_accent',
  ];
  return Object.fromEntries(tokens.map((t) => [t, accent])) as CSSProperties;
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
  return (
    <PanelHeader before={back ? <PanelHeaderBack onClick={back.onClick} label={back.label} /> : undefined} after={logo}>
      <span data-testid="agency-header">{branding ? `${branding.name} · ${title}` : title}</span>
    </PanelHeader>
  );
}
