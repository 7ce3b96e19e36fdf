/** The office's calls to the code pool routes (server/promo/rewards/pool-admin.routes.ts). */
import type { ApiClient } from '../../api/client.ts';

export interface PoolStock {
  poolId: number;
  key: string;
  name: string;
  purpose: 'reward' | 'entry';
  total: number;
  used: number;
  free: number;
  lowStockThreshold: number;
  lowStock: boolean;
  soldOut: boolean;
  sandbox: boolean;
  sandboxOf: number | null;
}

export interface CodeImport {
  importId: string;
  state: 'running' | 'done' | 'failed';
  progress: {
    phase: 'parsing' | 'checking' | 'writing';
    lines: number;
    linesParsed: number;
    codes: number;
    checked: number;
    written: number;
  };
  result?: { imported: number; total: number };
  errors: { line: number; message: string }[];
  errorCount: number;
  duplicates: number;
}

export interface NewPool {
  key: string;
  name: string;
  lowStockThreshold: number;
  sandboxOf?: number;
}

const base = (campaignId: number) => `/api/admin/campaigns/${campaignId}/pools`;

export const listPools = async (api: ApiClient, campaignId: number) =>
  (await api.request<{ pools: PoolStock[] }>('GET', base(campaignId))).pools;

export const createPool = (api: ApiClient, campaignId: number, pool: NewPool) =>
  api.request<PoolStock>('POST', base(campaignId), pool);

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
