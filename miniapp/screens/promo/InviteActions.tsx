/** While an invitation waits for friends: copy the personal share link (with the referral code). */
import { Button, Snackbar } from '@vkontakte/vkui';
import { useState } from 'react';
import type { Task } from '../../api/client.ts';
import { usePromoApp } from './use-promo-app.ts';

export function InviteActions({ task }: { task: Task }) {
  const { platform, t } = usePromoApp();
  const [notice, setNotice] = useState<string | null>(null);
  const link = typeof task.action.shareLink === 'string' ? task.action.shareLink : '';
  if (!link) return null;
  return (
    <>
      <Button
        size="s"
        mode="secondary"
        data-testid="invite-copy-link"
        onClick={async () => {
          const r = await platform.copyText(link);
          setNotice(r.status === 'done' ? t.linkCopied : t.copyFailed);
        }}
      >
        {t.copyLink}
      </Button>
      {notice && (
        <Snackbar onClosed={() => setNotice(null)} data-testid="snackbar">
          {notice}
        </Snackbar>
      )}
    </>
  );
}
