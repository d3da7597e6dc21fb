import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_PASSWORD = 'linzhang-demo';

/** Configuration for tests: fast sign-in limits off, a scratch data directory, an optional server database. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: path.join(ROOT, '.cache', 'test-data', String(process.pid)),
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '100000',
    DEMO_PASSWORD: TEST_PASSWORD,
    DEMO_SEED: 'auto',
    // Fewer, larger sub-compartments keep the template quick to build and copy.
    DEMO_LAND_SCALE: '0.15',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...overrides,
  });
}

/** The template changes whenever anything that writes it does: migrations, the demo generator, the regions loader, the shipped code tables, the lockfile. */
export function templateKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.test.ts')) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['server/src/migrations', 'server/src/demo']) walk(path.join(ROOT, dir));
  for (const file of ['server/src/modules/regions/load.ts', 'server/src/startup/prepare.ts', 'server/data/code-tables.csv', 'package-lock.json']) {
    hash.update(file).update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export const pgliteTemplatePath = (key: string) => path.join(ROOT, '.cache', `test-template-${key}.tar`);
export const postgresTemplateName = (key: string, run: number) => `linzhang_tpl_${key}_${run}`;

/** A URL for another database on the same PostgreSQL server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
