/**
 * An agency manager's brands as checkboxes: "every brand of the agency" or the ticked ones (at least one), saved in
 * one call that swaps their rows (server/office/team/manager-coverage.ts); and removing them from the agency, asked
 * first (OfficeConfirm, as the brand team's removal is) and done in one call for all their brands
 * (server/office/team/manager-removal.ts). While a write is on its way the buttons wait, and its refusal is said here,
 * beside the buttons, not at the top of a long page. Unticking takes the manager out of a brand, which is the agency
 * owner's alone (decision 120): where the row says it is not `removable` by the caller, the brands they cover now are
 * ticked and disabled with the reason beside them, and only adding brands is offered (the server still refuses). A
 * brand where the person holds a brand role (the row's `brandRoleBrands`) cannot be ticked either, and says so.
 */
import { Button, ButtonGroup, Checkbox, FormItem, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import type { AgencyMessages } from '../i18n-agency.ts';
import type { TeamMessages } from '../i18n-team.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';
import { WriteRefusal } from '../office-write.tsx';
import { PersonWho } from '../PersonWho.tsx';
import { personText } from '../person-who.ts';
import type { AgencyPerson } from './AgencyTeam.tsx';

export function ManagerBrandsEditor(props: {
  s: AgencyMessages;
  ts: TeamMessages;
  language: 'ru' | 'en';
  person: AgencyPerson;
  brands: { id: number; name: string }[];
  /** The last write's refusal, with its reason. */
  error: string | null;
  onSave(brandIds: number[] | null): Promise<void>;
  onRemove(): Promise<void>;
  onCancel(): void;
}) {
  const { s, ts, person, brands } = props;
  const first = person.rows[0];
  const [all, setAll] = useState(first?.managedBrands === null);
  const [chosen, setChosen] = useState<number[]>(first?.managedBrands?.map((b) => b.id) ?? []);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const write = async (kind: 'save' | 'remove', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };
  const userId = first?.userId ?? '';
  const empty = !all && chosen.length === 0;
  // What the server says the caller may not take away: the coverage they have now, all brands or the chosen ones.
  const keeps = first?.removable === false;
  const coversAllNow = first?.managedBrands === null;
  const kept = (brandId: number) => keeps && first?.managedBrands?.some((b) => b.id === brandId) === true;
  const hasBrandRole = (brandId: number) => first?.brandRoleBrands.includes(brandId) === true;
  const locked = (brandId: number) =>
    kept(brandId) ? s.ownerUnticks : hasBrandRole(brandId) && !chosen.includes(brandId) ? s.hasBrandRole : undefined;
  return (
    <div data-testid={`agency-person-${userId}-editor`}>
      <SimpleCell>{first && <PersonWho person={first} />}</SimpleCell>
      <FormItem top={s.coveredBrands} status={empty ? 'error' : 'default'} bottom={empty ? s.pickBrand : undefined}>
        <Checkbox
          data-testid="manager-brands-all"
          checked={all}
          disabled={keeps && coversAllNow}
          description={keeps && coversAllNow ? s.ownerUnticks : undefined}
          onChange={(e) => setAll(e.target.checked)}
        >
          {s.allBrands}
        </Checkbox>
        {brands.map((b) => (
          <Checkbox
            key={b.id}
            data-testid={`manager-brand-${b.id}`}
            disabled={all || locked(b.id) !== undefined}
            description={all ? undefined : locked(b.id)}
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
            disabled={empty || busy !== null}
            loading={busy === 'save'}
            data-testid="manager-brands-save"
            onClick={() => void write('save', () => props.onSave(all ? null : chosen))}
          >
            {s.saveBrands}
          </Button>
          <Button stretched mode="secondary" onClick={props.onCancel}>
            {ts.cancel}
          </Button>
          {/* Only the agency owner removes a manager (server/office/team/team-authority.ts): not offered to others. */}
          {first?.removable && (
            <Button
              stretched
              mode="tertiary"
              appearance="negative"
              disabled={busy !== null}
              loading={busy === 'remove'}
              data-testid={`agency-person-${userId}-remove`}
              onClick={() => setAsking(true)}
            >
              {ts.remove}
            </Button>
          )}
        </ButtonGroup>
      </FormItem>
      <div data-testid={`agency-person-${userId}-refusal`}>
        <WriteRefusal error={props.error} />
      </div>
      {asking && first && (
        <OfficeConfirm
          onClosed={() => setAsking(false)}
          title={`${ts.remove}?`}
          description={fill(s.confirmRemoveManager, { who: personText(first, props.language) })}
          cancel={ts.cancel}
          confirm={ts.removeYes}
          destructive
          onConfirm={() => void write('remove', props.onRemove)}
          testIds={{
            alert: `agency-person-${userId}-confirm`,
            cancel: `agency-person-${userId}-confirm-cancel`,
            confirm: `agency-person-${userId}-confirm-remove`,
            dismiss: `agency-person-${userId}-confirm-dismiss`,
          }}
        />
      )}
    </div>
  );
}
