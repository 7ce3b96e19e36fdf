/**
 * The brand's sections beyond its campaigns, each linked only when the member may open it (the rights come from
 * `GET /api/admin/office`; the server refuses the rest anyway), and Agency for those who manage it.
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useRouteNavigator } from '../../routes.ts';
import type { Office } from '../office-api.ts';
import { useOffice } from '../use-office.ts';
import { type Brand, officeLinks } from './office-links.ts';

export function OfficeNavigation({ office, brand }: { office: Office; brand: Brand | undefined }) {
  const { t } = useOffice();
  const navigator = useRouteNavigator();
  const links = officeLinks(office, brand);
  if (links.length === 0) return null;
  return (
    <Group header={<Header>{t.sections}</Header>}>
      {links.map((l) => (
        <SimpleCell
          key={l.key}
          chevron="always"
          data-testid={`office-nav-${l.key}`}
          onClick={() => navigator.push(l.to)}
        >
          {t[l.label]}
        </SimpleCell>
      ))}
    </Group>
  );
}
