/**
 * What the office shows a community admin who has no rights in it yet, when the server says their agency lets them
 * claim their community's brand (`communityClaim` of `GET /api/admin/office`): the claim, then the office itself.
 * Everyone else with no rights keeps the ordinary not-found screen.
 */
import { Icon56UsersOutline } from '@vkontakte/icons';
import { Button, FormStatus, Group, Placeholder } from '@vkontakte/vkui';
import { useState } from 'react';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { refusalText } from '../refusal-text.ts';
import { forgetOfficeAccess, useOffice } from '../use-office.ts';

export function CommunityClaim({ onClaimed }: { onClaimed(): void }) {
  const services = useOffice();
  const { t, language } = services;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      await services.office.claimCommunity();
      forgetOfficeAccess(services);
      onClaimed();
    } catch (e) {
      setError(withReason(t.claimError, refusalText(e, language)));
      setBusy(false);
    }
  };
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{t.office}</PanelHeaderWithBack>
      <Group>
        <Placeholder
          icon={<Icon56UsersOutline />}
          title={t.claimTitle}
          action={
            <Button size="l" loading={busy} data-testid="office-community-claim" onClick={() => void claim()}>
              {t.claimAction}
            </Button>
          }
        >
          {t.claimText}
        </Placeholder>
        {error && <FormStatus mode="error">{error}</FormStatus>}
      </Group>
    </>
  );
}
