/** One benchmark's outcome: a value measured against a baseline taken in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** The goal for `ratio`, e.g. ">= 0.6" or "<= 1.3". */
  goal: string;
  pass: boolean;
  [extra: string]: unknown;
}

/** Whether a ratio meets a goal written as ">= x" or "<= x". */
export function meetsGoal(ratio: number, goal: string): boolean {
  const match = goal.match(/^(>=|<=)\s*([\d.]+)$/);
  if (!match) throw new Error(`Unreadable goal "${goal}"`);
  const bound = Number(match[2]);
  return match[1] === '>=' ? ratio >= bound : ratio <= bound;
}

export interface ResultInput {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  goal: string;
  /** Defaults to value / baseline. */
  ratio?: number;
  [extra: string]: unknown;
}

export function result(fields: ResultInput): BenchResult {
  const ratio = fields.ratio ?? (fields.baseline === 0 ? 0 : fields.value / fields.baseline);
  const rounded = Math.round(ratio * 1000) / 1000;
  return { ...fields, ratio: rounded, pass: meetsGoal(rounded, fields.goal) };
}
