/**
 * The mailings section's panels, in a chunk of their own (AdminOffice loads it on first entry, as it does the
 * statistics): the rule editor, broadcasts and launch-source names are for the members who run mailings, so the
 * office's first download carries none of them.
 */
import { PANELS } from '../../routes.ts';
import type { Office } from '../office-api.ts';
import { BrandMailings } from './BrandMailings.tsx';
import { BroadcastPanel } from './BroadcastPanel.tsx';
import { MailingsPanel } from './MailingsPanel.tsx';
import { RuleEditor } from './RuleEditor.tsx';

export default function MailingsSection({ panel, office }: { panel: string; office: Office }) {
  switch (panel) {
    case PANELS.adminMailings:
      return <MailingsPanel />;
    case PANELS.adminMailingRule:
      return <RuleEditor />;
    case PANELS.adminMailingBroadcast:
      return <BroadcastPanel />;
    default:
      return <BrandMailings office={office} />;
  }
}
