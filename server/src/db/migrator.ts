import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../paths.ts';
import type { OwnerConnection } from './database.ts';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'server/src/migrations');
const NAME = /^\d{8}-\d{2}-[a-z0-9-]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const bad = files.filter((f) => !NAME.test(f));
  if (bad.length > 0) throw new Error(`Migration names must look like YYYYMMDD-NN-what.sql: ${bad.join(', ')}`);
  return Promise.all(
    files.map(async (name) => {
      const text = await fs.readFile(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations in name order, each in its own transaction, with the owner's rights.
 * An applied migration whose file has since changed stops the start: migrations are history.
 */
export async function migrate(owner: OwnerConnection, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await owner.exec(`
    create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
  const applied = new Map(
    (await owner.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).map((r) => [r.name, r.checksum]),
  );
  for (const m of all) {
    const known = applied.get(m.name);
    if (known !== undefined && known !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
    }
  }
  const pending = all.filter((m) => !applied.has(m.name));
  for (const m of pending) {
    await owner.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
    });
  }
  return pending.map((m) => m.name);
}
