/**
 * A prize pool's low-stock threshold, changed after the pool was made (decision 104: before, only the new-pool form
 * set it). The server caps the line it warns at (a tenth of the codes loaded, low-stock.ts) and answers it; the card
 * above says that line in words, so a threshold above the cap reads as what it does. An entry pool has none.
 */
import { FormItem, Input } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../../app-context.ts';
import { InputWithButton } from '../InputWithButton.tsx';
import { poolsStrings } from '../i18n-pools.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { editPool, type PoolStock } from './pool-api.ts';

export function PoolThreshold({ campaignId, pool, onSaved }: { campaignId: number; pool: PoolStock; onSaved(): void }) {
  const { api, language } = useApp();
  const s = poolsStrings(language);
  const [value, setValue] = useState(String(pool.lowStockThreshold));
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, run } = useOfficeWrite(s.error);
  const id = `pool-threshold-${pool.poolId}`;

  async function save() {
    setBusy(true);
    // Sent as typed (a blank or a fraction too): the server says what is wrong with it.
    const done = await run(() => editPool(api, campaignId, pool.poolId, { lowStockThreshold: Number(value) }));
    setBusy(false);
    if (!done) return;
    setValue(String(done.lowStockThreshold));
    setSaved(true);
    onSaved();
  }

  return (
    <>
      <FormItem
        top={s.threshold}
        htmlFor={id}
        status={saved ? 'valid' : 'default'}
        bottom={saved ? s.thresholdSaved : s.thresholdHint}
      >
        <InputWithButton
          input={
            <Input
              id={id}
              data-testid={`pool-threshold-${pool.key}`}
              type="number"
              inputMode="numeric"
              min={0}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setSaved(false);
              }}
            />
          }
          label={s.thresholdSave}
          disabled={busy || value.trim() === String(pool.lowStockThreshold)}
          onClick={() => void save()}
        />
      </FormItem>
      <WriteRefusal error={error} />
    </>
  );
}
