/**
 * The office's code pools of one campaign (`#/admin/campaign/:id/pools`): stock per pool (total, free, issued, a
 * low-stock warning), a prize pool's threshold, CSV upload into any pool (also a live one), and a new pool. Lazy: never in the participant's
 * bundle. The server checks the `prizes` right on every call; a refusal shows as the not-found screen.
 */
import { Button, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { type PoolsMessages, poolsStrings } from '../i18n-pools.ts';
import { refusalText } from '../refusal-text.ts';
import { CodeUpload } from './CodeUpload.tsx';
import { NewPoolForm } from './NewPoolForm.tsx';
import { PoolThreshold } from './PoolThreshold.tsx';
import { listPools, type PoolStock } from './pool-api.ts';

export default function PoolsPanel() {
  const { api, language, t } = useApp();
  const s = poolsStrings(language);
  const campaignId = useRouteId();
  // Refreshed in place after a write, so an upload's result stays on screen (a reload would unmount it).
  const [fresh, setFresh] = useState<PoolStock[] | null>(null);
  // A refresh that failed: the stock shown is from before the write, said so with the reason and a Retry (it was
  // swallowed, and the page showed the old numbers as if current). The warning stays while a Retry runs (it vanished,
  // so nothing seemed to happen and the old stock stood unwarned), until the read answers: gone, or a new reason.
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const reload = () => {
    if (!campaignId) return;
    setRefreshing(true);
    void listPools(api, campaignId).then(
      (pools) => {
        setFresh(pools);
        setFailed(null);
        setRefreshing(false);
      },
      (error: unknown) => {
        setFailed({ error });
        setRefreshing(false);
      },
    );
  };
  const state = useAsync(() => (campaignId ? listPools(api, campaignId) : Promise.resolve([])), [api, campaignId]);
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.title}</PanelHeaderWithBack>
      <LoadState state={state}>
        {(loaded) => {
          const pools = fresh ?? loaded;
          return (
            <>
              <Group header={<Header>{s.pools}</Header>}>
                {pools.length === 0 && <SimpleCell multiline>{s.noPools}</SimpleCell>}
                {failed && (
                  <InsetBanner
                    mode="tint"
                    role="alert"
                    data-testid="pools-stale"
                    title={s.staleTitle}
                    subtitle={withReason(s.staleText, refusalText(failed.error, language))}
                    actions={
                      <Button
                        size="m"
                        mode="primary"
                        data-testid="pools-stale-retry"
                        loading={refreshing}
                        disabled={refreshing}
                        onClick={reload}
                      >
                        {t.retry}
                      </Button>
                    }
                  />
                )}
              </Group>
              {campaignId &&
                pools.map((pool) => (
                  <PoolCard key={pool.poolId} campaignId={campaignId} pool={pool} onChange={reload} />
                ))}
              {campaignId && (
                <Group header={<Header>{s.newPool}</Header>}>
                  <NewPoolForm campaignId={campaignId} pools={pools} onCreated={reload} />
                </Group>
              )}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

/**
 * When the pool will say it is low, in words: at its threshold, at most a tenth of what was loaded. A pool with no
 * code yet warns of nothing until codes come (its line is a tenth of 0): loading them is said first (decision 104).
 */
function lowStockRule(s: PoolsMessages, pool: PoolStock): string {
  if (pool.total === 0)
    return pool.lowStockThreshold === 0
      ? s.lowStockRuleEmptyEntry
      : fill(s.lowStockRuleEmpty, { n: pool.lowStockThreshold });
  if (pool.lowStockAt === 0) return s.lowStockRuleSoldOut;
  return fill(pool.lowStockAt < pool.lowStockThreshold ? s.lowStockRuleShare : s.lowStockRule, {
    n: pool.lowStockAt,
  });
}

function PoolCard({ campaignId, pool, onChange }: { campaignId: number; pool: PoolStock; onChange(): void }) {
  const { language } = useApp();
  const s = poolsStrings(language);
  return (
    <Group
      data-testid={`pool-${pool.key}`}
      header={
        <Header subtitle={pool.sandbox ? s.sandbox : `${pool.key} · ${s[`purpose_${pool.purpose}`]}`}>
          {pool.name}
        </Header>
      }
    >
      <SimpleCell
        multiline
        // Why «мало кодов» shows when it does: the line is the server's (low-stock.ts), said in words here.
        subtitle={<span data-testid={`pool-low-rule-${pool.key}`}>{lowStockRule(s, pool)}</span>}
      >
        {s.total}: <span data-testid={`pool-total-${pool.key}`}>{pool.total}</span> · {s.free}:{' '}
        <span data-testid={`pool-free-${pool.key}`}>{pool.free}</span> · {s.issued}: {pool.used}
      </SimpleCell>
      {(pool.lowStock || pool.soldOut) && (
        <InsetBanner
          data-testid={`pool-low-${pool.key}`}
          title={pool.soldOut ? s.soldOut : fill(s.lowStock, { n: pool.free })}
        />
      )}
      {pool.purpose === 'reward' && <PoolThreshold campaignId={campaignId} pool={pool} onSaved={onChange} />}
      <CodeUpload campaignId={campaignId} poolId={pool.poolId} onDone={onChange} />
    </Group>
  );
}
