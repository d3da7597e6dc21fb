import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { postgisCore } from './postgis-bundle.ts';
import type { DB } from './tables.ts';

/**
 * The system of record, embedded (PGlite + PostGIS) or a PostgreSQL server.
 * `app` runs as the non-owner application role, so row-level security applies to every query
 * it makes; `owner` is only for migrations and maintenance (see docs/database.md).
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  app: Kysely<DB>;
  owner: OwnerConnection;
  /** The embedded engine itself, when embedded (tests freeze it into a template). */
  pglite?: PGlite;
  /** Calls `onMessage` with each NOTIFY payload on `channel` (from any connection); resolves to a stop function. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** Switches the embedded connection to the application role; a no-op on a server (the pool logs in with it). */
  enterAppRole(): Promise<void>;
  close(): Promise<void>;
}

/** Runs whole SQL scripts (migrations) with the owner's rights. */
export interface OwnerConnection {
  exec(script: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs the callback inside one transaction on one owner connection. */
  transaction<T>(fn: (tx: OwnerConnection) => Promise<T>): Promise<T>;
}

/** The non-owner role the application runs as (created by the first migration). */
export const APP_ROLE = 'linzhang_app';

// Same JS types on both engines: bigint ids and counts as numbers (ids stay far below 2^53),
// numeric as numbers, dates as 'YYYY-MM-DD' strings so no time zone shifts a calendar day.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

export interface OpenOptions {
  /** Start the embedded database from a dumped data directory (test templates). */
  pgliteBlob?: Blob;
  /** Keep the embedded database in memory only. */
  inMemory?: boolean;
}

export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  return config.database.kind === 'pglite' ? openPGlite(config.database.dataDir, options) : openPostgres(config.database.url);
}

async function openPGlite(dataDir: string, { pgliteBlob, inMemory }: OpenOptions): Promise<Database> {
  const onDisk = !pgliteBlob && !inMemory;
  if (onDisk) await fs.mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(pgliteBlob ? { loadDataDir: pgliteBlob } : { dataDir: onDisk ? dataDir : 'memory://' }),
    extensions: { postgis: postgisCore() },
    parsers,
  });
  const app = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  const owner: OwnerConnection = {
    async exec(script) {
      await pglite.exec(script);
    },
    async query<R>(text: string, params: unknown[] = []) {
      return (await pglite.query<R>(text, params)).rows;
    },
    async transaction<T>(fn: (tx: OwnerConnection) => Promise<T>) {
      return pglite.transaction(async (tx) =>
        fn({
          exec: async (s) => void (await tx.exec(s)),
          query: async <R>(t: string, p: unknown[] = []) => (await tx.query<R>(t, p)).rows,
          transaction: () => Promise.reject(new Error('nested owner transactions are not supported')),
        }),
      );
    },
  };
  return {
    kind: 'pglite',
    app,
    owner,
    pglite,
    async listen(channel, onMessage) {
      // Through a reserved connection, so the LISTEN cannot land inside another caller's open transaction.
      const stop = await app.connection().execute(() => pglite.listen(channel, onMessage));
      return () => app.connection().execute(() => stop());
    },
    async enterAppRole() {
      await pglite.exec(`SET ROLE ${APP_ROLE}`);
    },
    async close() {
      await app.destroy();
      await pglite.close();
    },
  };
}

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      const parser = (parsers as Record<number, (v: string) => unknown>)[oid];
      return parser ?? (pg.types.getTypeParser(oid, format) as (v: string) => unknown);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

// PostGIS functions carry high planner costs, so PostgreSQL's JIT would compile even two-row
// spatial queries, for seconds each; nothing here runs long enough to repay it.
const SESSION_OPTIONS = '-c jit=off';

async function openPostgres(url: string): Promise<Database> {
  const ownerPool = new pg.Pool({ connectionString: url, max: 2, types: pgTypes(), options: SESSION_OPTIONS });
  // Logging in with `role` set makes every pooled connection the application role from its first query.
  const appPool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes(), options: `${SESSION_OPTIONS} -c role=${APP_ROLE}` });
  // An idle connection the server closes (restart, failover, a test database dropped) must not
  // crash the process: the pool forgets it and opens a new one for the next query.
  for (const pool of [ownerPool, appPool]) pool.on('error', () => {});
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }) });
  const owner: OwnerConnection = {
    async exec(script) {
      await ownerPool.query(script);
    },
    async query<R>(text: string, params: unknown[] = []) {
      return (await ownerPool.query(text, params)).rows as R[];
    },
    async transaction<T>(fn: (tx: OwnerConnection) => Promise<T>) {
      const client = await ownerPool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          exec: async (s) => void (await client.query(s)),
          query: async <R>(t: string, p: unknown[] = []) => (await client.query(t, p)).rows as R[],
          transaction: () => Promise.reject(new Error('nested owner transactions are not supported')),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: 'postgres',
    app,
    owner,
    listen: (channel, onMessage) => listenPostgres(url, channel, onMessage),
    async enterAppRole() {},
    async close() {
      await app.destroy();
      await ownerPool.end();
    },
  };
}

const RELISTEN_MS = 2_000;

/**
 * LISTEN needs one long-lived connection of its own, outside the pools. When the server drops it,
 * it is opened again (notifications sent meanwhile are lost; listeners re-read on their own timer).
 */
async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reopen = () => {
    if (stopped) return;
    retry = setTimeout(() => void open().catch(reopen), RELISTEN_MS);
    retry.unref();
  };
  const open = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => {});
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    c.on('end', reopen);
    client = c;
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end();
  };
}

/** The PostGIS version string, for /api/health. */
export async function postgisVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ v: string }>`select postgis_lib_version() as v`.execute(db);
  return rows[0]?.v ?? 'unknown';
}
