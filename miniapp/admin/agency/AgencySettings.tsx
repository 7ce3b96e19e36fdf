/**
 * The agency's white label (`#/admin/agency/settings`, its owner only): name, logo (https or a small image file,
 * read here as a data: URL) and accent, with a preview of the office header and a button in that accent. A save
 * names the copy it was made on: if another owner (or another tab) saved since, the server refuses it
 * (`saved_meanwhile`, decision 045); the form keeps what was typed, says why and offers the saved version instead of Save.
 */
import { Avatar, Button, File, FormItem, Group, Header, Input, SimpleCell, Text } from '@vkontakte/vkui';
import { useState } from 'react';
import { accentStyle } from '../../accent-style.ts';
import { ApiRequestError } from '../../api/client.ts';
import { withReason } from '../../i18n-reason.ts';
import { useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { accentContrastNote } from '../accent-contrast-note.ts';
import { type AgencyMessages, agencyStrings } from '../i18n-agency.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { refusalText } from '../refusal-text.ts';
import { withoutAgencyRole } from '../refused.ts';
import { useOffice } from '../use-office.ts';
import { BrandedHeader } from './AgencyBranding.tsx';
import { agencyApi, type AgencySettings as Settings } from './agency-api.ts';
import { CommunityClaimSetting } from './CommunityClaimSetting.tsx';

const MAX_LOGO_BYTES = 64 * 1024;

export function AgencySettings({ office }: { office: Office }) {
  const { api, language } = useOffice();
  const s = agencyStrings(language);
  const navigator = useRouteNavigator();
  const own = office.agencies?.find((a) => a.role === 'agency_admin');
  const agency = agencyApi(api);
  const state = useAsync(() => agency.settings(own?.id ?? 0), [api, own?.id], own !== undefined);
  // Only the agency's owner keeps its white label; anyone else is told the page is the owner's (it said «Not found»).
  if (!own) return <LoadStateScreen state={withoutAgencyRole('owner')} title={s.settings} />;
  // The form's header wears the loaded white label; until then, and on a failed load, a plain one with Back.
  if (state.status !== 'ready') return <LoadStateScreen state={state} title={s.settings} />;
  return <SettingsForm loaded={state.data} s={s} back={() => navigator.back()} agency={agency} own={own} />;
}

function SettingsForm(props: {
  loaded: Settings;
  s: AgencyMessages;
  back(): void;
  agency: ReturnType<typeof agencyApi>;
  own: NonNullable<Office['agencies']>[number] | undefined;
}) {
  const { agency, own } = props;
  const [form, setForm] = useState(props.loaded);
  const [note, setNote] = useState<string | null>(null);
  // The last save was refused because someone saved the settings since this copy was read.
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const { s } = props;
  const { language, t } = useOffice();
  const lowContrast = accentContrastNote(form.accent, t.accentLowContrast, language);
  const landed = (saved: Settings, message: string | null) => {
    setForm(saved);
    if (own) Object.assign(own, { name: saved.name, logoUrl: saved.logoUrl, accent: saved.accent });
    setStale(false);
    setNote(message);
  };
  const write = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setNote(null);
    try {
      await action();
    } catch (e) {
      const meanwhile = e instanceof ApiRequestError && e.code === 'saved_meanwhile';
      setStale(meanwhile);
      // Saved meanwhile, the sentence is the whole story (no "Не получилось: Пока вы…"), said before the offer.
      setNote(meanwhile ? refusalText(e, language) : withReason(s.error, refusalText(e, language)));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    write(async () => {
      const { name, logoUrl, accent, updatedAt } = form;
      landed(await agency.saveSettings(form.id, { name, logoUrl, accent, savedAt: updatedAt }), s.saved);
    });
  const loadSaved = () => write(async () => landed(await agency.settings(form.id), null));
  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) return setNote(withReason(s.error, s.logoTooLarge));
    const reader = new FileReader();
    reader.onload = () => setForm({ ...form, logoUrl: String(reader.result) });
    reader.readAsDataURL(file);
  };
  const branding = { ...form, role: 'agency_admin', canManage: true };
  return (
    <div style={accentStyle(form.accent)}>
      <BrandedHeader branding={branding} title={s.settings} back={{ label: s.back, onClick: props.back }} />
      <Group>
        <FormItem top={s.agencyName} htmlFor="agency-name">
          <Input id="agency-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </FormItem>
        <FormItem top={s.logo} htmlFor="agency-logo-url">
          <Input
            id="agency-logo-url"
            value={form.logoUrl?.startsWith('data:') ? '' : (form.logoUrl ?? '')}
            placeholder="https://"
            onChange={(e) => setForm({ ...form, logoUrl: e.target.value || null })}
          />
        </FormItem>
        {form.logoUrl?.startsWith('data:') && (
          <SimpleCell
            before={<Avatar size={40} src={form.logoUrl} alt="" />}
            after={
              <Button mode="tertiary" appearance="negative" onClick={() => setForm({ ...form, logoUrl: null })}>
                {s.removeLogo}
              </Button>
            }
            data-testid="agency-logo-file"
          >
            {s.logoFromFile}
          </SimpleCell>
        )}
        <FormItem>
          <File
            mode="secondary"
            accept="image/png,image/jpeg,image/webp,image/gif"
            data-testid="agency-logo-pick"
            onChange={(e) => {
              pickLogo(e.target.files?.[0]);
              // The same file picked again (after removing it) is a change too.
              e.target.value = '';
            }}
          >
            {s.pickLogo}
          </File>
        </FormItem>
        <FormItem
          top={s.accent}
          htmlFor="agency-accent"
          bottom={lowContrast && <span data-testid="accent-low-contrast">{lowContrast}</span>}
        >
          <Input
            id="agency-accent"
            type="color"
            value={form.accent ?? '#2688eb'}
            onChange={(e) => setForm({ ...form, accent: e.target.value })}
          />
        </FormItem>
        {/* Why Save became "Load the saved version": read before the button, not under it (seen in a screenshot). */}
        {stale && note && (
          <FormItem>
            <Text role="status">{note}</Text>
          </FormItem>
        )}
        <FormItem>
          {stale ? (
            <Button mode="secondary" loading={busy} onClick={loadSaved} data-testid="agency-load-saved">
              {s.loadSaved}
            </Button>
          ) : (
            <Button loading={busy} onClick={save}>
              {s.save}
            </Button>
          )}
        </FormItem>
        {!stale && note && (
          <FormItem>
            <Text role="status">{note}</Text>
          </FormItem>
        )}
      </Group>
      <Group header={<Header>{s.preview}</Header>}>
        <FormItem>
          <Button mode="primary" stretched>
            {form.name}
          </Button>
        </FormItem>
      </Group>
      <CommunityClaimSetting
        agencyId={form.id}
        allowed={props.loaded.allowCommunityAdminClaim}
        agency={agency}
        s={s}
        language={language}
      />
    </div>
  );
}
