/** Creating an empty pool of a campaign, or the beta-test sandbox standing in for one of its real reward pools. */
import { Button, FormItem, FormLayoutGroup, Input, Select } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { useApp } from '../../app-context.ts';
import { poolsStrings } from '../i18n-pools.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { createPool, type PoolStock } from './pool-api.ts';

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
        lowStockThreshold: Number(threshold) || 0,
        ...(sandboxOf ? { sandboxOf: Number(sandboxOf) } : {}),
      });
      setKey('');
      setName('');
      setSandboxOf('');
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
      <FormItem top={s.threshold} htmlFor="pool-threshold">
        <Input
          id="pool-threshold"
          type="number"
          min={0}
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
      </FormItem>
      {realPools.length > 0 && (
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
