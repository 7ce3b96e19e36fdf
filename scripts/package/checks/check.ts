/** @module The outcome of one packaging check: its name, pass or fail, why, and the offending files. */
export interface CheckResult {
  name: string;
  ok: boolean;
  message: string;
  /** Files (relative to the build folder) that broke the rule. */
  files?: string[];
}

export const pass = (name: string, message: string): CheckResult => ({ name, ok: true, message });

export const fail = (name: string, message: string, files?: string[]): CheckResult => ({
  name,
  ok: false,
  message,
  ...(files && files.length > 0 ? { files } : {}),
});

/** One line per failure, the offending file first: what the CLI prints before exiting non-zero. */
export function describeFailure(variant: string, check: CheckResult): string {
  const where = check.files?.length ? ` [${check.files.join(', ')}]` : '';
  return `${variant}: ${check.name}${where}: ${check.message}`;
}
