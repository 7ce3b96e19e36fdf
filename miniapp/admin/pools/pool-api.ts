/** The office's calls to the code pool routes (server/promo/rewards/pool-admin.routes.ts). */
import type { z } from 'zod';
import type {
  ImportSchema,
  NewPoolSchema,
  PoolEditSchema,
  PoolStockSchema,
} from '../../../server/promo/rewards/pool-admin.routes.ts';
import type { ApiClient } from '../../api/client.ts';

/** The shapes are the routes' own schemas (type-only imports: no server code reaches the bundle). */
export type PoolStock = z.infer<typeof PoolStockSchema>;
export type CodeImport = z.infer<typeof ImportSchema>;
export type NewPool = z.input<typeof NewPoolSchema>;
export type PoolEdit = z.input<typeof PoolEditSchema>;

const base = (campaignId: number) => `/api/admin/campaigns/${campaignId}/pools`;

export const listPools = async (api: ApiClient, campaignId: number) =>
  (await api.request<{ pools: PoolStock[] }>('GET', base(campaignId))).pools;

export const createPool = (api: ApiClient, campaignId: number, pool: NewPool) =>
  api.request<PoolStock>('POST', base(campaignId), pool);

/** Changes a pool's threshold; the answer's `lowStockAt` is the line it now warns at (decision 104). */
export const editPool = (api: ApiClient, campaignId: number, poolId: number, edit: PoolEdit) =>
  api.request<PoolStock>('PATCH', `${base(campaignId)}/${poolId}`, edit);

/** Starts an import the server runs in chunks (`Prefer: respond-async`): the answer is the job to watch. */
export const startImport = async (api: ApiClient, campaignId: number, poolId: number, csv: string) =>
  (
    await api.request<{ import: CodeImport }>(
      'POST',
      `${base(campaignId)}/${poolId}/codes`,
      { csv },
      {
        Prefer: 'respond-async',
      },
    )
  ).import;

export const importStatus = (api: ApiClient, campaignId: number, poolId: number, importId: string) =>
  api.request<CodeImport>('GET', `${base(campaignId)}/${poolId}/imports/${importId}`);

/** 0–100 over the three phases (reading, checking, saving), each a third. */
export function importPercent(job: CodeImport): number {
  if (job.state !== 'running') return 100;
  const p = job.progress;
  const part = (n: number, of: number) => (of > 0 ? Math.min(1, n / of) : 0);
  if (p.phase === 'parsing') return Math.round(part(p.linesParsed, p.lines) * 33);
  if (p.phase === 'checking') return Math.round(33 + part(p.checked, p.codes) * 33);
  return Math.round(66 + part(p.written, p.codes) * 34);
}
