/**
 * An agency manager's brands as checkboxes: "every brand of the agency" or the ticked ones (at least one), saved in
 * one call that swaps their rows (server/office/team/manager-coverage.ts); and removing them from the agency.
 */
import { Button, ButtonGroup, Checkbox, FormItem, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import type { AgencyMessages } from '../i18n-agency.ts';
import type { TeamMessages } from '../i18n-team.ts';
import { PersonWho } from '../PersonWho.tsx';
import type { AgencyPerson } from './AgencyTeam.tsx';

export function ManagerBrandsEditor(props: {
  s: AgencyMessages;
  ts: TeamMessages;
  person: AgencyPerson;
  brands: { id: number; name: string }[];
  onSave(brandIds: number[] | null): Promise<void>;
  onRemove(): Promise<void>;
  onCancel(): void;
}) {
  const { s, ts, person, brands } = props;
  const first = person.rows[0];
  const [all, setAll] = useState(first?.managedBrands === null);
  const [chosen, setChosen] = useState<number[]>(first?.managedBrands?.map((b) => b.id) ?? []);
  const userId = first?.userId ?? '';
  const empty = !all && chosen.length === 0;
  return (
    <div data-testid={`agency-person-${userId}-editor`}>
      <SimpleCell>{first && <PersonWho person={first} />}</SimpleCell>
      <FormItem top={s.coveredBrands} status={empty ? 'error' : 'default'} bottom={empty ? s.pickBrand : undefined}>
        <Checkbox data-testid="manager-brands-all" checked={all} onChange={(e) => setAll(e.target.checked)}>
          {s.allBrands}
        </Checkbox>
        {brands.map((b) => (
          <Checkbox
            key={b.id}
            data-testid={`manager-brand-${b.id}`}
            disabled={all}
            checked={all || chosen.includes(b.id)}
            onChange={(e) => setChosen(e.target.checked ? [...chosen, b.id] : chosen.filter((x) => x !== b.id))}
          >
            {b.name}
          </Checkbox>
        ))}
      </FormItem>
      <FormItem>
        <ButtonGroup mode="vertical" gap="s" stretched>
          <Button
            stretched
            disabled={empty}
            data-testid="manager-brands-save"
            onClick={() => void props.onSave(all ? null : chosen)}
          >
            {s.saveBrands}
          </Button>
          <Button stretched mode="secondary" onClick={props.onCancel}>
            {ts.cancel}
          </Button>
          <Button
            stretched
            mode="tertiary"
            appearance="negative"
            data-testid={`agency-person-${userId}-remove`}
            onClick={() => void props.onRemove()}
          >
            {ts.remove}
          </Button>
        </ButtonGroup>
      </FormItem>
    </div>
  );
}
