import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate, readMigrations } from '../src/db/migrator.ts';
import { adminQuery, testConfig, withDatabase } from './template.ts';

/**
 * An empty database of its own, for a test that applies migrations one at a time and looks at
 * the data in between (a migration that moves data has such a test): in memory on the embedded
 * engine, a new database on the PostgreSQL server otherwise. Nothing is migrated yet.
 */
export async function emptyDatabase(): Promise<{ database: Database; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase(testConfig(), { inMemory: true });
    return { database, close: () => database.close() };
  }
  const name = `linzhang_m_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const database = await openDatabase(testConfig({ DATABASE_URL: withDatabase(url, name) }));
  return {
    database,
    async close() {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Applies, in order, every migration named before `name` (exclusive) or up to it (inclusive). */
export async function migrateTo(database: Database, name: string, inclusive: boolean): Promise<string[]> {
  const all = await readMigrations();
  if (!all.some((m) => m.name === name)) throw new Error(`no migration ${name}`);
  return migrate(database.owner, all.filter((m) => (inclusive ? m.name <= name : m.name < name)));
}
