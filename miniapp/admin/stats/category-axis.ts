/**
 * Labels of a category axis (funnel stages, buckets) that fit their bars' slots. uPlot centres each label under its
 * bar and draws it on one line, so on a 390-px phone "Выполнили задание" ran into its neighbours. Here each label is
 * wrapped into lines that fit its slot (uPlot draws `\n` as a new line) and, when a word alone is wider than the slot
 * (many stages, "Присоединились"), all labels turn to read upwards, where each needs only a line's height of width.
 * The axis's height follows, so nothing is cut at the canvas's edge.
 */

/** Width of a text in CSS pixels, in the axis's font. */
export type MeasureText = (text: string) => number;

export interface CategoryAxis {
  /** One value per category: its lines joined with `\n`, or '' for a label left out to make room. */
  values: string[];
  /** uPlot's `rotate` in degrees: 0, or 90 for labels reading upwards. */
  rotate: 0 | 90;
  /** uPlot's axis `size`: the room below the plot the labels take, in CSS pixels. */
  size: number;
}

/** uPlot's defaults: the gap between the plot and the labels, and a line's height as a multiple of the font size. */
const GAP = 5;
const LINE_GAP = 1.5;
/** More lines than this under a bar reads worse than a label turned upwards. */
const MAX_LINES = 3;
/** Clear space kept between two neighbouring labels. */
const SPACING = 6;
/** A label turned upwards is cut (with "…") past this length; the full names are in the list under the chart. */
const MAX_UPRIGHT = 96;

/** Words greedily into lines no wider than `room`; `null` when a word alone is wider. */
function wrap(label: string, room: number, measure: MeasureText): string[] | null {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (measure(word) > room) return null;
    const last = lines[lines.length - 1];
    if (last !== undefined && measure(`${last} ${word}`) <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The label cut with "…" to at most `max` wide. */
function shorten(label: string, max: number, measure: MeasureText): string {
  if (measure(label) <= max) return label;
  let text = label;
  while (text.length > 1 && measure(`${text.trimEnd()}…`) > max) text = text.slice(0, -1);
  return `${text.trimEnd()}…`;
}

/**
 * @example categoryAxis(['Opened', 'Joined'], 300, (t) => t.length * 7, 12) // { values: ['Opened', 'Joined'], rotate: 0, size: 25 }
 */
export function categoryAxis(
  labels: readonly string[],
  plotWidth: number,
  measure: MeasureText,
  fontSize: number,
): CategoryAxis {
  const line = fontSize * LINE_GAP;
  const slot = plotWidth / Math.max(labels.length, 1);
  const wrapped = labels.map((label) => wrap(label, slot - SPACING, measure));
  if (wrapped.every((lines) => lines !== null && lines.length <= MAX_LINES)) {
    const lines = Math.max(1, ...wrapped.map((l) => l?.length ?? 1));
    return { values: wrapped.map((l) => (l ?? []).join('\n')), rotate: 0, size: Math.ceil(GAP + lines * line) };
  }
  // Upright, a label is a line thick: with slots thinner than that, every `step`-th label only.
  const step = Math.ceil((fontSize + SPACING) / Math.max(slot, 1));
  const values = labels.map((label, i) => (i % step === 0 ? shorten(label, MAX_UPRIGHT, measure) : ''));
  const longest = Math.max(0, ...values.map((v) => measure(v)));
  return { values, rotate: 90, size: Math.ceil(GAP + longest + fontSize / 2) };
}
