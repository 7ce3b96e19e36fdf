/** A prize in the user's hands: what it is, the promo code with a copy button (VKWebAppCopyText), how to use it. */
import { Icon24CopyOutline, Icon56GiftOutline } from '@vkontakte/icons';
import { Button, Div, Group, Header, Paragraph, Placeholder, Snackbar, Title } from '@vkontakte/vkui';
import { useState } from 'react';
import type { Grant } from '../../api/client.ts';
import { usePromoApp } from './use-promo-app.ts';

export function GrantDetails({ grant }: { grant: Grant }) {
  const { platform, t } = usePromoApp();
  const [notice, setNotice] = useState<string | null>(null);
  const copy = async (code: string) => {
    const r = await platform.copyText(code);
    platform.haptic(r.status === 'done' ? 'success' : 'error');
    setNotice(r.status === 'done' ? t.copied : t.copyFailed);
  };
  return (
    <>
      <Group>
        <Placeholder icon={<Icon56GiftOutline fill="var(--vkui--color_icon_accent)" />} title={grant.title}>
          {grant.description}
        </Placeholder>
      </Group>
      <Group header={<Header>{grant.code ? t.yourCode : t.yourPrize}</Header>}>
        {grant.code ? (
          <Div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <div
              style={{
                padding: '16px 12px',
                borderRadius: 'var(--vkui--size_border_radius--regular)',
                border: '1px dashed var(--vkui--color_field_border_alpha)',
                background: 'var(--vkui--color_background_secondary)',
                textAlign: 'center',
                userSelect: 'all',
              }}
            >
              <Title
                level="1"
                Component="p"
                style={{ fontFamily: 'ui-monospace, monospace' }}
                data-testid="reward-code"
              >
                {grant.code}
              </Title>
            </div>
            <Button
              size="l"
              stretched
              before={<Icon24CopyOutline />}
              onClick={() => void copy(grant.code ?? '')}
              data-testid="reward-copy"
            >
              {t.copy}
            </Button>
          </Div>
        ) : (
          <Div>
            <Paragraph>{t.noCode}</Paragraph>
          </Div>
        )}
      </Group>
      {grant.howToUse && (
        <Group header={<Header>{t.howToUse}</Header>}>
          <Div>
            <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{grant.howToUse}</Paragraph>
          </Div>
        </Group>
      )}
      {notice && (
        <Snackbar onClosed={() => setNotice(null)} data-testid="snackbar">
          {notice}
        </Snackbar>
      )}
    </>
  );
}
