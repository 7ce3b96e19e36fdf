/** How sections change the document: a pure function from the old document to the new one. */
import type { CampaignDocument } from '../office-api.ts';

export type EditDocument = (change: (doc: CampaignDocument) => CampaignDocument) => void;

export interface SectionProps {
  doc: CampaignDocument;
  edit: EditDocument;
}

/** A copy of `list` with item `i` replaced by `change(item)`. */
export function replaceAt<T>(list: readonly T[], i: number, change: (item: T) => T): T[] {
  return list.map((item, j) => (j === i ? change(item) : item));
}

/** A copy of `list` without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** A key not used yet in `list` (`task-3`). */
export function freshKey(prefix: string, list: readonly { key: string }[]): string {
  let n = list.length + 1;
  while (list.some((x) => x.key === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
