/**
 * The participant's promo calls (open, state, tasks, quiz, wheel, rewards, prizes, rules viewed). Types come
 * from the server's zod schemas as type-only imports, so no server code reaches the bundle.
 */
import type { z } from 'zod';
import type {
  AttemptsSchema,
  GrantSchema,
  QuizResultSchema,
  RewardSchema,
  SectorSchema,
  StateSchema,
  TaskSchema,
} from '../../server/promo/promo.schemas.ts';
import type { RulesSchema } from '../../server/promo/rules/rules.routes.ts';

export type CampaignState = z.infer<typeof StateSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Reward = z.infer<typeof RewardSchema>;
export type Grant = z.infer<typeof GrantSchema>;
export type QuizResult = z.infer<typeof QuizResultSchema>;
export type QuizQuestion = NonNullable<CampaignState['quiz']>['questions'][number];
export type WheelSector = z.infer<typeof SectorSchema>;
export type WheelAttempts = z.infer<typeof AttemptsSchema>;
export type CampaignRules = z.infer<typeof RulesSchema>;
/** Option ids chosen per question id. */
export type QuizAnswers = Record<string, string[]>;

/** The spin response (its schema is declared inline in the wheel route, so it is restated from its parts). */
export interface SpinResult {
  sector: WheelSector;
  /** The wheel the draw was made on (this user's winnable prizes and the lose sector). */
  sectors: WheelSector[];
  outcome: 'win' | 'lose';
  lossReason: 'sold_out' | 'daily_cap' | 'already_won' | null;
  prize: Grant | null;
  attempts: WheelAttempts;
}

/** One pack-code play (server/promo/codes/code.routes.ts). */
export interface CodePlay {
  outcome: 'win' | 'lose';
  prize: Grant | null;
  playedAt: number;
  /** This participant had played the code already: the first answer. */
  repeated: boolean;
}

/** What the client reports when completing a task: the platform's answer, a typed code or quiz answers. */
export interface TaskCompletion {
  result?: 'done' | 'denied' | 'failed' | 'unsupported';
  code?: string;
  answers?: QuizAnswers;
}

export interface PromoApi {
  openCampaign(id: number, ref?: string): Promise<{ created: boolean; state: CampaignState }>;
  campaignState(id: number): Promise<CampaignState>;
  startTask(id: number, taskKey: string): Promise<Task>;
  completeTask(id: number, taskKey: string, body: TaskCompletion): Promise<Task>;
  submitQuiz(id: number, answers: QuizAnswers): Promise<QuizResult>;
  spinWheel(id: number): Promise<SpinResult>;
  playCode(id: number, code: string): Promise<CodePlay>;
  codePlays(id: number): Promise<Omit<CodePlay, 'repeated'>[]>;
  claimReward(id: number, rewardKey: string): Promise<{ status: 'issued' | 'already_issued'; grant: Grant }>;
  prizes(id: number): Promise<Grant[]>;
  rulesViewed(id: number): Promise<void>;
  rules(id: number): Promise<CampaignRules>;
}

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function promoApi(request: Request): PromoApi {
  const base = (id: number) => `/api/campaigns/${id}`;
  const task = (id: number, key: string) => `${base(id)}/tasks/${encodeURIComponent(key)}`;
  return {
    openCampaign: (id, ref) => request('POST', `${base(id)}/open`, ref ? { ref } : {}),
    campaignState: (id) => request('GET', `${base(id)}/state`),
    startTask: async (id, key) => (await request<{ task: Task }>('POST', `${task(id, key)}/start`)).task,
    completeTask: async (id, key, body) =>
      (await request<{ task: Task }>('POST', `${task(id, key)}/complete`, body)).task,
    submitQuiz: (id, answers) => request('POST', `${base(id)}/quiz/answers`, { answers }),
    spinWheel: (id) => request('POST', `${base(id)}/wheel/spin`),
    playCode: (id, code) => request('POST', `${base(id)}/code/play`, { code }),
    codePlays: async (id) => (await request<{ plays: CodePlay[] }>('GET', `${base(id)}/code/plays`)).plays,
    claimReward: (id, key) => request('POST', `${base(id)}/rewards/${encodeURIComponent(key)}/claim`),
    prizes: async (id) => (await request<{ prizes: Grant[] }>('GET', `${base(id)}/prizes`)).prizes,
    rules: (id) => request('GET', `${base(id)}/rules`),
    rulesViewed: async (id) => {
      await request('POST', `${base(id)}/rules-viewed`);
    },
  };
}
