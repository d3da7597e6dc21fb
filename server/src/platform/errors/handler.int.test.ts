import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { signIn, startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { multipart } from '../../../test/fixtures/imports-client.ts';

/**
 * Every error answers `{ error: { code, message, details } }` with a catalogue code and a Chinese
 * message, whoever raised it: our code, Fastify, a plugin, PostgreSQL. A 5xx says nothing more.
 */
let t: TestApp;
let office: Client;
/** The real app plus routes that fail on purpose (registered before it is ready). */
let failing: FastifyInstance;

const SECRET_SQL = 'select password_hash from accounts where id = 1';

beforeAll(async () => {
  t = await startTestApp();
  office = await signIn(t, 'demo-office');
  failing = await buildApp({ config: t.config, database: t.database, logger: false });
  const route = (url: string, fail: () => Promise<unknown>) => failing.get(url, { config: { access: 'public' } }, fail);
  route('/api/test/bug', () => {
    const bug = new TypeError(`Cannot read properties of undefined (reading 'region_code') in ${SECRET_SQL}`);
    return Promise.reject(bug);
  });
  route('/api/test/missing-table', () => t.system.run((tx) => sql`select * from no_such_table_here`.execute(tx)));
  route('/api/test/bad-cast', () => t.system.run((tx) => sql`select 'many'::integer`.execute(tx)));
  route('/api/test/teapot', () => Promise.reject(Object.assign(new Error("I'm a teapot"), { statusCode: 418, code: 'FST_SOME_PLUGIN_ERROR' })));
  await failing.ready();
});
afterAll(async () => {
  await failing.close();
  await t.close();
});

/** English prose (two words in a row) in a message means someone's internal text got through. */
const ENGLISH_PROSE = /[A-Za-z]{2,}[\s,.:'()]+[A-Za-z]{2,}/;

function expectCatalogueError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error.message).not.toMatch(ENGLISH_PROSE);
  return body.error as { code: string; message: string; details: Record<string, unknown> };
}

describe('errors found before any route', () => {
  it('answers a URL that cannot be decoded with the catalogue body, not Fastify’s', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/persons/%E0%A4%A' });
    const error = expectCatalogueError(res, 400, 'malformed_request');
    expect(error.message).toBe('请求格式不正确：网址中有无法解码的字符');
  });
});

describe('Fastify and plugin errors of the request (400–499) are catalogue 4xx errors in Chinese', () => {
  it('a body shorter than its Content-Length', async () => {
    const res = await office.request('POST', '/api/persons', '{"name":"张三"}', { 'content-type': 'application/json', 'content-length': '3' });
    expectCatalogueError(res, 400, 'malformed_request');
  });

  it('a JSON body that does not parse keeps the parser’s English in details only', async () => {
    const res = await office.request('POST', '/api/persons', '{"name":', { 'content-type': 'application/json' });
    const error = expectCatalogueError(res, 400, 'malformed_request');
    expect(error.message).toBe('请求格式不正确：JSON 无法解析');
    expect(error.details.cause).toMatch(/JSON/);
  });

  it('a photo upload that is not multipart, or a multipart body that is broken', async () => {
    const personId = (await office.get('/api/persons?pageSize=1')).json().items[0].id as number;
    const url = `/api/persons/${personId}/photo`;
    expectCatalogueError(await office.put(url, { file: 'x' }), 400, 'malformed_request');
    expectCatalogueError(await office.request('PUT', url, 'x', { 'content-type': 'multipart/form-data' }), 400, 'malformed_request');
    const proto = '--X\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nv\r\n--X--\r\n';
    expectCatalogueError(await office.request('PUT', url, proto, { 'content-type': 'multipart/form-data; boundary=X' }), 400, 'malformed_request');
    const truncated = '--X\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc';
    expectCatalogueError(await office.request('PUT', url, truncated, { 'content-type': 'multipart/form-data; boundary=X' }), 400, 'malformed_request');
  });

  it('any other 4xx a plugin raises, whatever its code', async () => {
    const error = expectCatalogueError(await failing.inject({ method: 'GET', url: '/api/test/teapot' }), 400, 'malformed_request');
    expect(error.details).toMatchObject({ cause: "I'm a teapot", errorCode: 'FST_SOME_PLUGIN_ERROR' });
  });

  it('a value PostgreSQL cannot read is the user’s 400, its English text in details only', async () => {
    const error = expectCatalogueError(await failing.inject({ method: 'GET', url: '/api/test/bad-cast' }), 400, 'invalid_value');
    expect(error.details.cause).toMatch(/invalid input syntax/);
  });
});

describe('ids in paths are validated by their schema', () => {
  const ROUTES = [
    '/api/grid-plans/:id',
    '/api/grids/:id',
    '/api/risk-areas/:id',
    '/api/key-routes/:id',
    '/api/persons/:id',
    '/api/posts/:id',
    '/api/persons/:id/account',
    '/api/sub-compartments/:id',
    '/api/reference-layers/:id',
    '/api/responsibility-areas/:id',
    '/api/resource-lists/responsibility-area/:id',
    '/api/imports/:id',
    '/api/map/features/sub_compartments/:id',
  ];

  it('an id too large for the database is the caller’s 400 on every route, never PostgreSQL’s “out of range for type bigint”', async () => {
    for (const route of ROUTES) {
      const res = await office.get(route.replace(':id', '99999999999999999999'));
      const error = expectCatalogueError(res, 400, 'validation_failed');
      expect([route, res.body]).not.toEqual([route, expect.stringMatching(/bigint|out of range/)]);
      expect(error.message).toMatch(/^提交的数据有误：/);
    }
  });

  it('the largest id a number holds exactly is still a well-formed id: it is just not found', async () => {
    const res = await office.get(`/api/grids/${Number.MAX_SAFE_INTEGER}`);
    expectCatalogueError(res, 404, 'not_found');
  });
});

describe('a request over its size limit is told the limit', () => {
  it('a JSON body over the 2 MB every route takes', async () => {
    const body = JSON.stringify({ regionCode: '360702101000', name: '张'.repeat(800_000) });
    const error = expectCatalogueError(await office.request('POST', '/api/persons', body, { 'content-type': 'application/json' }), 413, 'payload_too_large');
    expect(error.message).toBe('上传内容超过 2 MB 的上限');
  });

  it('a photo over 5 MB, and a code-table file over 1 MB sent raw or as a file', async () => {
    const personId = (await office.get('/api/persons?pageSize=1')).json().items[0].id as number;
    const photo = await multipart({}, { name: 'big.jpg', data: Buffer.alloc(6 * 1024 * 1024, 0xff) });
    const tooBigPhoto = await office.request('PUT', `/api/persons/${personId}/photo`, photo.body, { 'content-type': photo.contentType });
    expect(expectCatalogueError(tooBigPhoto, 413, 'payload_too_large').message).toBe('上传内容超过 5 MB 的上限');

    const csv = Buffer.from(`domain,code,name\n${'land_class,999,很长的名称\n'.repeat(60_000)}`);
    const raw = await office.request('PUT', '/api/code-tables', csv, { 'content-type': 'text/csv' });
    expect(expectCatalogueError(raw, 413, 'payload_too_large').message).toBe('上传内容超过 1 MB 的上限');
    const file = await multipart({}, { name: '代码表.csv', data: csv });
    const asFile = await office.request('PUT', '/api/code-tables', file.body, { 'content-type': file.contentType });
    expect(expectCatalogueError(asFile, 413, 'payload_too_large').message).toBe('上传内容超过 1 MB 的上限');
  });
});

describe('unexpected errors', () => {
  for (const [what, url] of [
    ['a bug in a route', '/api/test/bug'],
    ['a PostgreSQL error that is the server’s own', '/api/test/missing-table'],
  ] as const) {
    it(`answer ${what} with a 500 that leaks nothing`, async () => {
      const res = await failing.inject({ method: 'GET', url });
      const error = expectCatalogueError(res, 500, 'internal');
      expect(error.details).toEqual({ requestId: expect.any(String) });
      expect(error.message).toBe(`服务器内部错误，请稍后重试；如果一直出现，请把错误编号 ${String(error.details.requestId)} 告诉管理员`);
      for (const leak of ['TypeError', 'region_code', 'password_hash', 'select', 'no_such_table', 'relation', 'stack', ' at ', '.ts', 'node_modules']) {
        expect(res.body).not.toContain(leak);
      }
    });
  }
});
