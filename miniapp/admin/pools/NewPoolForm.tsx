/**
 * Creating an empty pool of a campaign: one whose codes are prizes, one of the codes participants enter (printed in
 * the packs: the pack code's pool; decision 095, before only the editor's pack-code section could make one), or the
 * beta-test sandbox standing in for one of its real reward pools.
 */
import { Button, FormItem, FormLayoutGroup, Input, NativeSelect, Select } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { useApp } from '../../app-context.ts';
import { poolsStrings } from '../i18n-pools.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { createPool, type NewPool, type PoolStock } from './pool-api.ts';

type PoolPurpose = NonNullable<NewPool['purpose']>;
const PURPOSES: readonly PoolPurpose[] = ['reward', 'entry'];

export function NewPoolForm({
  campaignId,
  pools,
  onCreated,
}: {
  campaignId: number;
  pools: PoolStock[];
  onCreated(): void;
}) {
  const { api, language } = useApp();
  const s = poolsStrings(language);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [threshold, setThreshold] = useState('20');
  const [sandboxOf, setSandboxOf] = useState('');
  const [purpose, setPurpose] = useState<PoolPurpose>('reward');
  const { error, run } = useOfficeWrite(s.error);
  const [busy, setBusy] = useState(false);
  // A real pool has one sandbox at most (the server refuses a second): offer those without one.
  const withSandbox = new Set(pools.flatMap((p) => (p.sandbox && p.sandboxOf !== null ? [p.sandboxOf] : [])));
  const realPools = pools.filter((p) => !p.sandbox && p.purpose === 'reward' && !withSandbox.has(p.poolId));

  async function submit() {
    setBusy(true);
    await run(async () => {
      await createPool(api, campaignId, {
        key: key.trim(),
        name: name.trim(),
        purpose,
        // An entered code is one play, not a prize running out: such a pool warns only when none is left.
        lowStockThreshold: purpose === 'entry' ? 0 : Number(threshold) || 0,
        ...(sandboxOf && purpose === 'reward' ? { sandboxOf: Number(sandboxOf) } : {}),
      });
      setKey('');
      setName('');
      setSandboxOf('');
      setPurpose('reward');
      onCreated();
    });
    setBusy(false);
  }

  return (
    <FormLayoutGroup>
      <FormItem top={s.key} htmlFor="pool-key">
        <Input id="pool-key" value={key} onChange={(e) => setKey(e.target.value)} />
      </FormItem>
      <FormItem top={s.name} htmlFor="pool-name">
        <Input id="pool-name" value={name} onChange={(e) => setName(e.target.value)} />
      </FormItem>
      <FormItem top={s.purpose} htmlFor="pool-purpose" bottom={s[`purposeHint_${purpose}`]}>
        <NativeSelect
          id="pool-purpose"
          data-testid="pool-purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value as PoolPurpose)}
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {s[`purpose_${p}`]}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      {purpose === 'reward' && (
        <FormItem top={s.threshold} htmlFor="pool-threshold" bottom={s.thresholdHint}>
          <Input
            id="pool-threshold"
            type="number"
            min={0}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
          />
        </FormItem>
      )}
      {purpose === 'reward' && realPools.length > 0 && (
        <FormItem top={s.sandboxFor} htmlFor="pool-sandbox">
          <Select
            id="pool-sandbox"
            value={sandboxOf}
            onChange={(e) => setSandboxOf(e.target.value)}
            options={[
              { value: '', label: s.realPool },
              ...realPools.map((p) => ({ value: String(p.poolId), label: p.name })),
            ]}
          />
        </FormItem>
      )}
      <WriteRefusal error={error} />
      <FormItem>
        <Button
          size="l"
          stretched
          loading={busy}
          disabled={!key.trim() || !hasVisibleText(name)}
          onClick={() => void submit()}
        >
          {s.create}
        </Button>
      </FormItem>
    </FormLayoutGroup>
  );
}
