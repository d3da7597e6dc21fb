import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('health and API surface', () => {
  it('reports the database engine and PostGIS version', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite', postgis: expect.stringMatching(/^3\.\d+/) });
  });

  it('serves the OpenAPI document with every route described', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json() as OpenApi;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/logout', '/api/me']));
    expect(undocumented(doc)).toEqual([]);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_request');
  });
});

interface Schema {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; description?: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

/**
 * What a newcomer would find missing in the OpenAPI document: operations without a summary or a
 * description, successful responses (other than 204) without a content schema, and properties of
 * request bodies, parameters and JSON responses without a description, at any depth. `$ref`s are
 * described where they are defined; the entries of free-form records (`additionalProperties`) have
 * no names to describe.
 */
function undocumented(doc: OpenApi): string[] {
  const missing: string[] = [];
  const walk = (schema: Schema | undefined, where: string) => {
    if (!schema || schema.$ref) return;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!property.$ref && !property.description) missing.push(`${where}.${name}`);
      walk(property, `${where}.${name}`);
    }
    for (const item of [schema.items ?? [], schema.prefixItems ?? []].flat()) walk(item, `${where}[]`);
    for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(member, where);
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (!op.summary) missing.push(`${name}: summary`);
      if (!op.description) missing.push(`${name}: description`);
      for (const parameter of op.parameters ?? []) {
        if (!parameter.description && !parameter.schema?.description) missing.push(`${name}: ${parameter.in} parameter ${parameter.name}`);
        walk(parameter.schema, `${name}: ${parameter.in} parameter ${parameter.name}`);
      }
      for (const [type, body] of Object.entries(op.requestBody?.content ?? {})) walk(body.schema, `${name}: body (${type})`);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const content = Object.values(response.content ?? {});
        if (status.startsWith('2') && status !== '204' && !content.some((c) => c.schema)) missing.push(`${name}: ${status} response without content schema`);
        for (const [type, body] of Object.entries(response.content ?? {})) if (type.includes('json')) walk(body.schema, `${name}: ${status} (${type})`);
      }
    }
  }
  return missing;
}
