import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../../test/template.ts';
import { anotherApp, startTestApp, type TestApp } from '../../test/app.ts';
import { createLogger } from './logging.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestApp;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t.close();
});

async function appWith(overrides: Record<string, string>) {
  const app = await anotherApp(t, overrides);
  apps.push(app);
  return app;
}

/** An app whose log lines are collected, as a server with that LOG_FORMAT and LOG_LEVEL writes them. */
async function loggingApp(env: Record<string, string>) {
  const config = testConfig({ ...env, ...(t.config.database.kind === 'postgres' ? { DATABASE_URL: t.config.database.url } : {}) });
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const app = await buildApp({ config, database: t.database, logger: createLogger(config, out) });
  await app.ready();
  apps.push(app);
  return { app, lines: () => text.split('\n').filter(Boolean) };
}

describe('request ids', () => {
  it('gives every request its own id, unique across processes, and returns it in X-Request-Id', async () => {
    const ids: unknown[] = [];
    for (const app of [t.app, await appWith({})]) {
      for (let i = 0; i < 2; i++) ids.push((await app.inject({ method: 'GET', url: '/api/health' })).headers['x-request-id']);
    }
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(4);
  });

  it('takes X-Request-Id from a trusted proxy, and only from one', async () => {
    const sent = { 'x-request-id': 'proxy-7f3a.42' };
    const fromProxy = await appWith({ TRUST_PROXY: '127.0.0.1' }); // inject() comes from 127.0.0.1
    expect((await fromProxy.inject({ method: 'GET', url: '/api/health', headers: sent })).headers['x-request-id']).toBe('proxy-7f3a.42');
    const unsafe = await fromProxy.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'a b\u001b[31m' } });
    expect(unsafe.headers['x-request-id']).toMatch(UUID);

    const otherProxy = await appWith({ TRUST_PROXY: '10.0.0.0/8' });
    expect((await otherProxy.inject({ method: 'GET', url: '/api/health', headers: sent })).headers['x-request-id']).toMatch(UUID);
    expect((await t.app.inject({ method: 'GET', url: '/api/health', headers: sent })).headers['x-request-id']).toMatch(UUID);
  });
});

describe('request log lines', () => {
  it('writes one JSON line per request, with its id, method, URL, status and time', async () => {
    const { app, lines } = await loggingApp({ LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
    const res = await app.inject({ method: 'GET', url: '/api/regions/999999999999' });
    const entries = lines().map((l) => JSON.parse(l) as { reqId?: string; request?: Record<string, unknown> });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.reqId).toBe(res.headers['x-request-id']);
    expect(entries[0]!.request).toMatchObject({ method: 'GET', url: '/api/regions/999999999999', status: res.statusCode });
    expect(entries[0]!.request!.ms).toEqual(expect.any(Number));
  });

  it('keeps a terminal quiet: requests show only at LOG_LEVEL=debug, one short line each', async () => {
    const quiet = await loggingApp({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'info' });
    await quiet.app.inject({ method: 'GET', url: '/api/health' });
    expect(quiet.lines()).toEqual([]);

    const chatty = await loggingApp({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' });
    await chatty.app.inject({ method: 'GET', url: '/api/health' });
    expect(chatty.lines()).toHaveLength(1);
    expect(chatty.lines()[0]).toMatch(/^\[\d\d:\d\d:\d\d\] DEBUG: GET \/api\/health 200 \d+ ms$/);
  });
});
