/**
 * A brand's name on its agency page. A rename names the copy of the brand the page read (`savedAt`, decision 045): if
 * another agency member renamed it since, the page says why right under this form and offers the saved version there
 * (AgencyBrandPage, use-brand-page-writes.ts), and the name typed here stays to save again.
 */
import { Button, FormItem, FormLayoutGroup, Input } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import type { AgencyMessages } from '../i18n-agency.ts';

export function BrandNameForm(props: { s: AgencyMessages; name: string; onRename(name: string): Promise<boolean> }) {
  const { s, onRename } = props;
  const [name, setName] = useState(props.name);
  const [busy, setBusy] = useState(false);
  const rename = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onRename(name.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormLayoutGroup mode="horizontal">
      <FormItem top={s.brandName} htmlFor="agency-brand-name">
        <Input id="agency-brand-name" value={name} onChange={(e) => setName(e.target.value)} />
      </FormItem>
      <FormItem>
        <Button
          loading={busy}
          disabled={!hasVisibleText(name) || name.trim() === props.name}
          onClick={rename}
          data-testid="agency-brand-rename"
        >
          {s.rename}
        </Button>
      </FormItem>
    </FormLayoutGroup>
  );
}
