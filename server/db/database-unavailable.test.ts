import { Socket } from 'node:net';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { API } from 'vk-io';
import { freePort } from '../../tests/support/start-server.ts';
import { onError } from '../http/errors.ts';
import { vkAgentFor } from '../vk/vk-api.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { postgresOn } from './postgres.ts';

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
    expect(isDatabaseUnavailable(pgError('connection failure', '08006'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });

  it('a PostgreSQL server not listening is, whether the query or the transaction meets it', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://app:app@127.0.0.1:${await freePort()}/gone` });
    const db = postgresOn(pool);
    try {
      const refused = (work: Promise<unknown>) =>
        work.then(
          () => 'answered',
          (err: unknown) => err,
        );
      // A statement's error comes wrapped by drizzle; a transaction's first connection is the pool's own, bare.
      expect(isDatabaseUnavailable(await refused(db.execute(sql`select 1`)))).toBe(true);
      expect(isDatabaseUnavailable(await refused(db.transaction(async (tx) => tx.execute(sql`select 1`))))).toBe(true);
      expect(isDatabaseUnavailable(await refused(pool.connect()))).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('a PostgreSQL server that cannot be reached (timed out, no route) is, through the real pool', async () => {
    for (const code of ['ETIMEDOUT', 'EHOSTUNREACH']) {
      // A real route to nowhere neither fails fast nor alike everywhere: the socket fails as the kernel would.
      const pool = new pg.Pool({
        connectionString: 'postgres://app:app@127.0.0.1:5432/gone',
        stream: () => unreachable(code),
      });
      const db = postgresOn(pool);
      try {
        const refused = (work: Promise<unknown>) =>
          work.then(
            () => 'answered',
            (err: unknown) => err,
          );
        expect(isDatabaseUnavailable(await refused(db.execute(sql`select 1`))), code).toBe(true);
        expect(
          isDatabaseUnavailable(await refused(db.transaction(async (tx) => tx.execute(sql`select 1`)))),
          code,
        ).toBe(true);
        expect(isDatabaseUnavailable(await refused(pool.connect())), code).toBe(true);
      } finally {
        await pool.end();
      }
      // The same code from anything but the database (an HTTP call) is still not the database.
      expect(isDatabaseUnavailable(Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code }))).toBe(false);
    }
  });

  it('an HTTP call to a closed port (VK, a CRM webhook) is not the database: a 500, not "database unavailable"', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const fetched = await fetch(`${closed}/method/users.get`).catch((err: unknown) => err);
    expect(fetched).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(fetched)).toBe(false);
    const base = `${closed}/method`;
    const api = new API({ token: 't', apiBaseUrl: base, agent: vkAgentFor(base), apiRetryLimit: 0 });
    const vk = await api.users.get({ user_ids: ['1'] }).catch((err: unknown) => err);
    expect(vk).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(vk)).toBe(false);
    const app = new Hono();
    app.onError(onError);
    app.get('/vk', () => {
      throw vk;
    });
    expect((await app.request('/vk')).status).toBe(500);
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

/** A socket whose connect fails with `code`, as the kernel reports a timed-out or unroutable connection. */
function unreachable(code: string): Socket {
  const socket = new Socket();
  socket.connect = ((port: number, host: string) => {
    setImmediate(() => socket.destroy(Object.assign(new Error(`connect ${code} ${host}:${port}`), { code })));
    return socket;
  }) as Socket['connect'];
  return socket;
}
