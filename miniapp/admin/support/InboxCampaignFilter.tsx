/**
 * The inbox's campaign filter: the brand's campaigns (any member of the brand may list them), or all of them. The
 * server always could filter by campaign (`campaignId` on the tickets list) but the office offered no way to ask, so
 * a member looking after one campaign's requests read every campaign's. The choice lives in the address
 * (`?campaign=3`, inbox-query.ts), so Back from a request finds the inbox filtered as it was left.
 */
import { FormItem, NativeSelect } from '@vkontakte/vkui';
import type { CampaignListItem } from '../office-api.ts';
import { useSupportOffice } from './use-support-office.ts';

export function InboxCampaignFilter({
  campaigns,
  selected,
  onChange,
}: {
  /** Empty until the list has come: the filter then offers "all" and the campaign already chosen. */
  campaigns: readonly CampaignListItem[];
  selected: number | undefined;
  onChange(campaignId: number | undefined): void;
}) {
  const { s, language } = useSupportOffice();
  const known = selected === undefined || campaigns.some((c) => c.id === selected);
  return (
    <FormItem top={s.inboxCampaign} htmlFor="inbox-campaign">
      <NativeSelect
        id="inbox-campaign"
        data-testid="inbox-campaign"
        value={selected === undefined ? '' : String(selected)}
        onChange={(e) => onChange(Number(e.target.value) || undefined)}
      >
        <option value="">{s.inboxAllCampaigns}</option>
        {campaigns.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.title[language] || c.title.ru}
          </option>
        ))}
        {/* A link to a campaign not (or not yet) listed still says which filter is on. */}
        {!known && <option value={String(selected)}>№ {selected}</option>}
      </NativeSelect>
    </FormItem>
  );
}
