import { DrizzleQueryError } from 'drizzle-orm';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../http/errors.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';

/** node-postgres' errors carry the SQLSTATE as `code`; drizzle wraps them with the driver's error as `cause`. */
const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('a database gone for a moment', () => {
  it('is told from a fault in our code, through the error drizzle wraps it in', () => {
    const terminated = pgError('terminating connection due to administrator command', '57P01');
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], terminated))).toBe(true);
    expect(
      isDatabaseUnavailable(new DrizzleQueryError('commit', [], new Error('Connection terminated unexpectedly'))),
    ).toBe(true);
    expect(isDatabaseUnavailable(pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('connection failure', '08006'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });

  it('is answered 503 with Retry-After, a bug still 500', async () => {
    const app = new Hono();
    app.onError(onError);
    app.get('/gone', () => {
      throw new DrizzleQueryError('select 1', [], pgError('terminating connection', '57P01'));
    });
    app.get('/bug', () => {
      throw new TypeError('boom');
    });
    const gone = await app.request('/gone');
    expect(gone.status).toBe(503);
    expect(gone.headers.get('Retry-After')).toBe('1');
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect((await app.request('/bug')).status).toBe(500);
  });
});
