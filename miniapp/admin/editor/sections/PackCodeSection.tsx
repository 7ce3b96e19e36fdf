/**
 * The pack code (`settings.packCode`, server/promo/settings.ts): which of the campaign's `entry` pools holds the codes
 * printed in the packs (each is one play, once ever), and, when the odds decide, the weight of losing beside the
 * prizes' weights with each chance in the office's percent. A campaign with no entry pool gets one added here; its
 * codes are uploaded on the pools page after saving (the document holds pools, never their codes).
 */
import { Button, Div, Footnote, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../../app-context.ts';
import { fill } from '../../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../../routes.ts';
import { FieldRow } from '../../FieldRow.tsx';
import type { CampaignDocument, CampaignSettings } from '../../office-api.ts';
import { byRight, holdsRight } from '../../right-known.ts';
import { useOfficeRights } from '../../use-office.ts';
import { freshKey, type SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { ChoiceField, NumberField } from '../fields.tsx';
import { sectorChance } from './wheel-chance.ts';

type PackCode = NonNullable<CampaignSettings['packCode']>;
/** The server's default lose weight (PackCodeSettingsSchema). */
const LOSE_WEIGHT = 1;

/** The pools participants may enter codes of: a beta test's sandbox never is one (pack-code-problems.ts). */
export const entryPools = (doc: Pick<CampaignDocument, 'pools'>) =>
  doc.pools.filter((p) => p.purpose === 'entry' && !p.sandbox);

/**
 * The pool field's words when the chosen pool has no free code: none loaded yet (load them) or every code loaded
 * already entered (load more), as the server's `pool_without_codes` and `pool_used_up` tell them apart (decision 104);
 * to a member who cannot load codes, who can; while their rights are not known, only what loading takes.
 */
function noFreeCodeHint(
  pool: { total: number },
  mayLoad: boolean | undefined,
  t: ReturnType<typeof useEditor>['t'],
): string {
  if (pool.total === 0)
    return byRight(mayLoad, {
      holds: t.packCodePoolEmpty,
      lacks: t.packCodePoolEmptyAskPrizes,
      unknown: t.packCodePoolEmptyRightsUnknown,
    });
  const words = byRight(mayLoad, {
    holds: t.packCodePoolUsedUp,
    lacks: t.packCodePoolUsedUpAskPrizes,
    unknown: t.packCodePoolUsedUpRightsUnknown,
  });
  return fill(words, { total: pool.total });
}

export function PackCodeSection({ doc, edit }: SectionProps) {
  const { t, lang, readOnly } = useEditor();
  // The office's language, not the one being edited: the chance is the office's own number.
  const { language } = useApp();
  const navigator = useRouteNavigator();
  const rights = useOfficeRights(doc.brandId);
  const packCode = doc.settings.packCode;
  const set = (patch: Partial<PackCode>) =>
    edit((d) => ({
      ...d,
      settings: { ...d.settings, packCode: { poolKey: '', loseWeight: LOSE_WEIGHT, ...d.settings.packCode, ...patch } },
    }));
  const pools = entryPools(doc);
  const chosen = pools.find((p) => p.key === packCode?.poolKey);
  const options = [
    { value: '', label: t.packCodeNoPoolChosen },
    ...pools.map((p) => ({ value: p.key, label: `${p.name} (${p.free}/${p.total})` })),
    // A key no entry pool has (a pool removed, or one for prizes) is shown as it is, for its problem to name.
    ...(packCode?.poolKey && !chosen ? [{ value: packCode.poolKey, label: packCode.poolKey }] : []),
  ];
  const addPool = () =>
    edit((d) => {
      const key = freshKey('packs', d.pools);
      const pool = { key, name: t.packCodeNewPoolName, purpose: 'entry' as const, lowStockThreshold: 0 };
      return {
        ...d,
        pools: [...d.pools, { ...pool, total: 0, free: 0, sandbox: false }],
        settings: { ...d.settings, packCode: { loseWeight: LOSE_WEIGHT, ...d.settings.packCode, poolKey: key } },
      };
    });
  const byOdds = doc.settings.instantWin?.mode !== 'calendar';
  const loseWeight = packCode?.loseWeight ?? LOSE_WEIGHT;
  const prizes = doc.rewards.filter((r) => 'code' in r.unlock);
  const total = prizes.reduce((s, r) => s + r.weight, 0) + loseWeight;
  const chance = (w: number) => fill(t.chance, { p: sectorChance(w, total, language) });
  // Who loads the codes: the pools page is for members with the `prizes` right (the server checks it on every call);
  // undefined while the member's rights are not known, when no word may say they hold it or lack it.
  const mayLoad = holdsRight(rights, 'prizes');
  const poolHint = chosen && chosen.free === 0 ? noFreeCodeHint(chosen, mayLoad, t) : t.packCodePoolHint;
  return (
    <Group header={<Header>{t.mechanic_code}</Header>} data-testid="office-pack-code">
      <ChoiceField
        label={t.pool}
        path="settings.packCode.poolKey"
        value={packCode?.poolKey ?? ''}
        options={options}
        hint={poolHint}
        onChange={(poolKey) => set({ poolKey })}
      />
      {/* Beside its button, not as the field's hint: the server's problem on the field replaced the hint and left the
          button unexplained (decision 095). */}
      {pools.length === 0 && (
        <Div>
          <Footnote data-testid="office-pack-code-no-pool">
            {mayLoad
              ? t.packCodeNoEntryPool
              : `${t.packCodeNoEntryPool}. ${mayLoad === false ? t.poolsNeedPrizesRight : t.poolsRightsUnknown}`}
          </Footnote>
          {!readOnly && (
            <Button
              mode="secondary"
              onClick={addPool}
              data-testid="office-pack-code-add-pool"
              style={{ marginTop: 'var(--vkui--spacing_size_m)' }}
            >
              {t.packCodeAddPool}
            </Button>
          )}
        </Div>
      )}
      {mayLoad && (
        <SimpleCell
          chevron="always"
          data-testid="office-pack-code-upload"
          onClick={() => navigator.push(paths.adminPools(doc.id))}
        >
          {t.packCodeUpload}
        </SimpleCell>
      )}
      {byOdds ? (
        <>
          <FieldRow>
            <NumberField
              label={t.packCodeLoseWeight}
              path="settings.packCode.loseWeight"
              value={loseWeight}
              onChange={(n) => set({ loseWeight: n ?? 0 })}
            />
          </FieldRow>
          <Header size="s" multiline>
            {t.packCodeOdds}
          </Header>
          {prizes.map((r) => (
            <SimpleCell key={r.key} indicator={chance(r.weight)} data-testid={`office-pack-code-chance-${r.key}`}>
              {r.title[lang] || r.title.ru || r.key}
            </SimpleCell>
          ))}
          <SimpleCell indicator={chance(loseWeight)} data-testid="office-pack-code-chance-lose">
            {t.packCodeLose}
          </SimpleCell>
        </>
      ) : (
        <Div>
          <Footnote>{t.packCodeByCalendar}</Footnote>
        </Div>
      )}
    </Group>
  );
}
