/**
 * The agency owner's switch for the community admin claim (off by default): when on, an admin of a community
 * connected to one of the agency's brands may take brand admin of it from the office (community-claim.ts on the
 * server). Saved as it is switched; the audit log records each change.
 */
import { FormItem, Group, Header, SimpleCell, Switch, Text } from '@vkontakte/vkui';
import { useState } from 'react';
import { withReason } from '../../i18n-reason.ts';
import type { AgencyMessages } from '../i18n-agency.ts';
import { refusalText } from '../refusal-text.ts';
import type { agencyApi } from './agency-api.ts';

export function CommunityClaimSetting(props: {
  agencyId: number;
  allowed: boolean;
  agency: ReturnType<typeof agencyApi>;
  s: AgencyMessages;
  language: 'ru' | 'en';
}) {
  const { s } = props;
  const [allowed, setAllowed] = useState(props.allowed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (allow: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setAllowed((await props.agency.setCommunityClaim(props.agencyId, allow)).allowCommunityAdminClaim);
    } catch (e) {
      setError(withReason(s.error, refusalText(e, props.language)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group header={<Header>{s.claimHeader}</Header>}>
      <SimpleCell
        Component="label"
        multiline
        after={
          <Switch
            data-testid="agency-community-claim"
            checked={allowed}
            disabled={busy}
            onChange={(e) => void change(e.target.checked)}
          />
        }
        subtitle={s.communityClaimHint}
      >
        {s.communityClaim}
      </SimpleCell>
      {error && (
        <FormItem>
          <Text role="alert">{error}</Text>
        </FormItem>
      )}
    </Group>
  );
}
