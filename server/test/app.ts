import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { prepareDatabase } from '../src/startup/prepare.ts';
import { systemContext, type Context } from '../src/platform/context.ts';
import { adminQuery, pgliteTemplatePath, testConfig, TEST_PASSWORD, withDatabase } from './template.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Acts as the system, for arranging data a test needs. */
  system: Context;
  close(): Promise<void>;
}

/** The API on a fresh copy of the seeded template database, private to this test file. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const key = inject('templateKey');
  const url = process.env.DATABASE_URL;
  let config: Config;
  let database: Database;
  let dropDatabase = async () => {};
  if (url) {
    const name = `linzhang_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
    config = testConfig({ ...overrides, DATABASE_URL: withDatabase(url, name) });
    ({ database } = await prepareDatabase(config));
    dropDatabase = () => adminQuery(url, `drop database if exists ${name} with (force)`);
  } else {
    config = testConfig(overrides);
    ({ database } = await prepareDatabase(config, { pgliteBlob: new Blob([fs.readFileSync(pgliteTemplatePath(key))]) }));
  }
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    system: systemContext(database.app),
    async close() {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}

/** A second app with different settings over the same test database (limits, production mode). */
export async function anotherApp(t: TestApp, overrides: Record<string, string>): Promise<FastifyInstance> {
  const config = testConfig({ ...overrides, ...(t.config.database.kind === 'postgres' ? { DATABASE_URL: t.config.database.url } : {}) });
  const app = await buildApp({ config, database: t.database, logger: false });
  await app.ready();
  return app;
}

type Body = InjectOptions['payload'];

/** An HTTP client for one signed-in user (or nobody), carrying the session cookie and CSRF token. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    readonly session?: { cookie: string; csrfToken: string },
  ) {}

  request(method: InjectOptions['method'], url: string, payload?: Body, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        ...(this.session ? { cookie: `lz_session=${this.session.cookie}`, 'x-csrf-token': this.session.csrfToken } : {}),
        ...headers,
      },
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: Body, headers?: Record<string, string>) {
    return this.request('POST', url, payload ?? {}, headers);
  }
  patch(url: string, payload: Body) {
    return this.request('PATCH', url, payload);
  }
  put(url: string, payload: Body, headers?: Record<string, string>) {
    return this.request('PUT', url, payload, headers);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export function anonymous(t: TestApp): Client {
  return new Client(t.app);
}

export async function signIn(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lz_session');
  if (!cookie) throw new Error('no session cookie');
  return new Client(t.app, { cookie: cookie.value, csrfToken: (res.json() as { csrfToken: string }).csrfToken });
}
