/**
 * Links from the editor to the campaign's other office sections (code pools, calculator, its leads, offer catalogue,
 * beta test, prize calendar, draw), each shown only when the campaign can use it and the member's rights on its brand
 * include the section the server checks (`prizes` for pools, calendar and draw; `leads` for leads; `campaigns` for the
 * others). The server refuses the rest anyway.
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { paths, useRouteNavigator } from '../../routes.ts';
import type { CampaignDocument } from '../office-api.ts';
import { useOffice, useOfficeRights } from '../use-office.ts';

export function CampaignSections({ doc }: { doc: CampaignDocument }) {
  const { t } = useOffice();
  const navigator = useRouteNavigator();
  const { sections } = useOfficeRights(doc.brandId);

  const instantWin = doc.mechanic === 'wheel' || doc.mechanic === 'code';
  const links = [
    { show: sections.includes('prizes'), label: t.sectionPools, to: paths.adminPools(doc.id), id: 'pools' },
    {
      show: sections.includes('campaigns') && doc.mechanic === 'calculator',
      label: t.sectionCalculator,
      to: paths.adminCalculator(doc.id),
      id: 'calculator',
    },
    {
      show: sections.includes('leads') && doc.mechanic === 'calculator',
      label: t.sectionLeads,
      to: paths.adminLeads(doc.id),
      id: 'leads',
    },
    {
      // Any mechanic may carry a catalogue of offers (server/catalogue/); its first upload is how it gets one.
      show: sections.includes('campaigns'),
      label: t.sectionOffers,
      to: paths.adminOffers(doc.id),
      id: 'offers',
    },
    {
      show: sections.includes('campaigns') && (doc.status === 'draft' || doc.status === 'scheduled'),
      label: t.sectionBeta,
      to: paths.adminBeta(doc.id),
      id: 'beta',
    },
    {
      show: sections.includes('prizes') && instantWin,
      label: t.sectionCalendar,
      to: paths.adminCalendar(doc.id),
      id: 'calendar',
    },
    {
      // Only a campaign with a draw in its settings (the draw template's) has one to run; any other giveaway's draw
      // screen would only say there is none.
      show: sections.includes('prizes') && doc.settings.draw !== undefined,
      label: t.sectionDraw,
      to: paths.adminDraw(doc.id),
      id: 'draw',
    },
  ].filter((l) => l.show);
  if (links.length === 0) return null;
  return (
    <Group header={<Header>{t.campaignSections}</Header>}>
      {links.map((l) => (
        <SimpleCell
          key={l.id}
          chevron="always"
          data-testid={`office-section-${l.id}`}
          onClick={() => navigator.push(l.to)}
        >
          {l.label}
        </SimpleCell>
      ))}
    </Group>
  );
}
