import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/startup/prepare.ts';
import { adminQuery, pgliteTemplatePath, postgresTemplateName, templateKey, testConfig, withDatabase } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateKey: string;
    /** The PostgreSQL template database of this run (each run has its own, so runs never collide). */
    postgresTemplate: string;
  }
}

/**
 * Builds the test template once: migrate and seed the demo county, then freeze it. Each test file
 * then starts from a copy (docs/testing.md). Reused across runs while its key is unchanged.
 */
export default async function setup(project: TestProject) {
  const key = templateKey();
  project.provide('templateKey', key);
  project.provide('postgresTemplate', '');
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = postgresTemplateName(key, process.pid);
    project.provide('postgresTemplate', name);
    await adminQuery(url, `drop database if exists ${name}`);
    await adminQuery(url, `create database ${name}`);
    const { database } = await prepareDatabase(testConfig({ DATABASE_URL: withDatabase(url, name) }));
    await database.close();
    // Nobody may connect to a template while it is being copied.
    await adminQuery(url, `alter database ${name} with allow_connections false`);
    return () => adminQuery(url, `drop database if exists ${name} with (force)`);
  }
  const file = pgliteTemplatePath(key);
  if (fs.existsSync(file)) return;
  const { database, pglite } = await preparePGliteInMemory();
  const blob = await pglite.dumpDataDir('none');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(`${file}.part`, file);
  await database.close();
}

async function preparePGliteInMemory() {
  const { database } = await prepareDatabase(testConfig(), { inMemory: true });
  if (!database.pglite) throw new Error('expected an embedded database');
  return { database, pglite: database.pglite };
}
