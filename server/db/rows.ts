/** @module Small helpers for the arrays every awaited drizzle query resolves to (both drivers). */

/**
 * The one row an `INSERT … RETURNING` (or a read that must find something) gave back.
 * @example const { id } = inserted(await tx.insert(schema.brands).values(brand).returning({ id: schema.brands.id }));
 */
export function inserted<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected one row back, got none');
  return row;
}
