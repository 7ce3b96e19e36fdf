/**
 * Puts values into a message's `{name}` placeholders, for the participant's screens and the office alike. A name with
 * no value stays as written (`{name}`): a forgotten value shows instead of vanishing, and other braces in a text (the
 * support replies' own variables) are left alone.
 * @example fill('Осталось {n} из {total}', { n: 3, total: 10 }) // 'Осталось 3 из 10'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
