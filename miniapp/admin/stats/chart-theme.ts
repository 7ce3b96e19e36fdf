/**
 * Chart colours come from VKUI's own tokens (CSS variables on the app root), read when a chart is drawn, so a chart
 * follows the light or dark scheme like every VKUI component; charts are redrawn when the scheme changes.
 */
export const SERIES_TOKENS = {
  accent: '--vkui--color_background_accent',
  green: '--vkui--color_accent_green',
  orange: '--vkui--color_accent_orange',
  red: '--vkui--color_accent_red',
  purple: '--vkui--color_accent_purple',
} as const;
export type SeriesColor = keyof typeof SERIES_TOKENS;

export interface ChartTheme {
  series: Record<SeriesColor, string>;
  text: string;
  grid: string;
  font: string;
}

/** The tokens' current values as seen from `element` (inside the VKUI root). */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const series = Object.fromEntries(
    Object.entries(SERIES_TOKENS).map(([key, name]) => [key, token(name, '#2688eb')]),
  ) as Record<SeriesColor, string>;
  return {
    series,
    text: token('--vkui--color_text_secondary', '#818c99'),
    grid: token('--vkui--color_separator_primary', 'rgba(0,0,0,0.12)'),
    font: `12px ${token('--vkui--font_family_base', 'system-ui, sans-serif')}`,
  };
}
