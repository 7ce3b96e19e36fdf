/**
 * One uPlot chart (canvas, columnar data) sized by its container: as wide as the column on a phone or a desktop,
 * resized with it, and redrawn with VKUI's colours when the colour scheme changes. The numbers behind a chart are
 * also on the page as text (and in its CSV), so the canvas carries an aria-label, not the data.
 */
import { useColorScheme } from '@vkontakte/vkui';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { useApp } from '../../app-context.ts';
import type { Language } from '../../intl-formats.ts';
import 'uplot/dist/uPlot.min.css';
import { type CategoryAxis, categoryAxis } from './category-axis.ts';
import { COUNT_INCREMENTS, DAY_INCREMENTS, dayRange, daySplits, dayTicks, valueTicks, yRange } from './chart-scale.ts';
import { readChartTheme, type SeriesColor } from './chart-theme.ts';

export interface ChartSeries {
  label: string;
  color: SeriesColor;
  values: (number | null)[];
}

export interface ChartProps {
  /** `time`: x values are days (`YYYY-MM-DD`); `category`: x labels shown as they are (funnel stages, buckets). */
  x: { kind: 'time'; days: string[] } | { kind: 'category'; labels: string[] };
  series: ChartSeries[];
  bars?: boolean;
  /** y values are shares 0–1, shown as percentages. */
  percent?: boolean;
  height?: number;
  testId: string;
  label: string;
}

/** A day's midday UTC in seconds: uPlot's time axis, far enough from midnight that no time zone moves the date. */
export const dayToSeconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;

function options(props: ChartProps, width: number, element: Element, language: Language): uPlot.Options {
  const theme = readChartTheme(element);
  const dayLabels = dayTicks(language);
  const days = props.x.kind === 'time' ? props.x.days.map(dayToSeconds) : [];
  const axis = { stroke: theme.text, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { show: false } };
  const labels = props.x.kind === 'category' ? props.x.labels : [];
  const categories = categoryLayout(labels, theme.font);
  const valueLabels = valueTicks(language, props.percent === true);
  const yValues = (_: uPlot, splits: number[]) => valueLabels(splits);
  return {
    width,
    height: props.height ?? 220,
    scales: {
      // Categories sit at 0…n−1; half a step either side keeps the outer bars whole.
      // Days from the data itself: for a single point uPlot widens a seconds-based time scale to years.
      x:
        props.x.kind === 'time'
          ? { time: true, range: () => dayRange(days[0] ?? null, days[days.length - 1] ?? null) }
          : { time: false, range: () => [-0.5, labels.length - 0.5] },
      y: { range: (_u, _min, max) => yRange(max, props.percent === true) },
    },
    legend: { show: props.series.length > 1, live: false },
    // Days are dates, not instants: shown in UTC, where `dayToSeconds` put them.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
    cursor: { drag: { x: false, y: false } },
    axes: [
      props.x.kind === 'time'
        ? {
            ...axis,
            space: 64,
            incrs: DAY_INCREMENTS,
            // Ticks on the days themselves (their midday), every `step` days from the first.
            splits: (_u: uPlot, _axis: number, _min: number, max: number, step: number) => daySplits(days, max, step),
            values: (_u: uPlot, splits: number[]) => dayLabels(splits),
          }
        : {
            ...axis,
            grid: { show: false },
            // Wrapped or turned upwards to fit the plot's current width (see category-axis.ts).
            values: (u: uPlot, splits: number[]) => splits.map((i) => categories(u).values[i] ?? ''),
            rotate: (u: uPlot) => categories(u).rotate,
            size: (u: uPlot) => categories(u).size,
            splits: () => labels.map((_, i) => i),
          },
      { ...axis, values: yValues, size: 48, ...(props.percent ? {} : { incrs: COUNT_INCREMENTS }) },
    ],
    series: [
      {},
      ...props.series.map((s) => ({
        label: s.label,
        stroke: theme.series[s.color],
        width: 2,
        fill: props.bars ? theme.series[s.color] : undefined,
        // Points only where a line would not show: a single day.
        points: { show: !props.bars && props.x.kind === 'time' && props.x.days.length < 2 },
        paths: props.bars ? uPlot.paths.bars?.({ size: [0.6, 64] }) : undefined,
      })),
    ],
  };
}

/**
 * The category axis's layout for the plot's width as uPlot has it (which changes with `setSize`), computed once per
 * width: uPlot asks for values, rotation and size separately, several times per drawing.
 */
function categoryLayout(labels: string[], font: string): (u: uPlot) => CategoryAxis {
  const fontSize = Number.parseFloat(font) || 12;
  let context: CanvasRenderingContext2D | null | undefined;
  const measure = (text: string) => {
    if (context === undefined) {
      context = document.createElement('canvas').getContext('2d');
      if (context) context.font = font;
    }
    // Without a 2D context (never in a browser), an average glyph's width.
    return context?.measureText(text).width ?? text.length * fontSize * 0.6;
  };
  let cached: { width: number; axis: CategoryAxis } | undefined;
  return (u) => {
    // Before its first layout uPlot asks for a size with no plot yet: any answer, replaced once the plot is measured.
    const width = (u.bbox?.width ?? 0) / uPlot.pxRatio;
    if (cached?.width !== width) cached = { width, axis: categoryAxis(labels, width, measure, fontSize) };
    return cached.axis;
  };
}

function data(props: ChartProps): uPlot.AlignedData {
  const xs = props.x.kind === 'time' ? props.x.days.map(dayToSeconds) : props.x.labels.map((_, i) => i);
  return [xs, ...props.series.map((s) => s.values)];
}

export function UplotChart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();
  const { language } = useApp();
  const latest = useRef(props);
  latest.current = props;
  // Rebuilt only when the numbers or the scheme change, not on every render of the page around it.
  const signature = JSON.stringify(props);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature`, `scheme` and `language` are the redraw triggers (props are read through `latest`, the tokens from the DOM).
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const current = latest.current;
    const opts = options(current, element.clientWidth || 320, element, language);
    const chart = new uPlot(opts, data(current), element);
    // The colours drawn, for a check that they follow the scheme (the canvas itself cannot be read as text).
    element.dataset.colors = opts.series
      .slice(1)
      .map((s) => s.stroke)
      .join(' ');
    const resize = new ResizeObserver(() => {
      if (element.clientWidth > 0) chart.setSize({ width: element.clientWidth, height: current.height ?? 220 });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [signature, scheme, language]);
  return (
    <div
      ref={box}
      data-testid={props.testId}
      data-scheme={scheme}
      role="img"
      aria-label={props.label}
      style={{ width: '100%', color: 'var(--vkui--color_text_primary)' }}
    />
  );
}
