/**
 * Links from the editor to the campaign's other office sections (code pools, calculator, its leads, offer catalogue,
 * beta test, prize calendar, draw), each shown only when the campaign can use it and the member's rights on its brand
 * include the section the server checks (`prizes` for pools, calendar and draw; `leads` for leads; `campaigns` for the
 * others). The server refuses the rest anyway. The list itself is shared with the campaign page of a member who may not
 * open the editor (home/campaign-links.ts), so both offer a section under the same right.
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useRouteNavigator } from '../../routes.ts';
import { campaignLinks } from '../home/campaign-links.ts';
import type { CampaignDocument } from '../office-api.ts';
import { useOffice, useOfficeRights } from '../use-office.ts';

export function CampaignSections({ doc }: { doc: CampaignDocument }) {
  const { t } = useOffice();
  const navigator = useRouteNavigator();
  const { sections } = useOfficeRights(doc.brandId);

  const links = campaignLinks({ ...doc, hasDraw: doc.settings.draw !== undefined }, sections, 'editor');
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
          {t[l.label]}
        </SimpleCell>
      ))}
    </Group>
  );
}
