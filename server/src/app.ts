import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type AnySchema } from 'ajv';
import formats from 'ajv-formats';
import fastJsonStringify from 'fast-json-stringify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifySchemaCompiler, type FastifySerializerCompiler } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { chiefsRoutes } from './modules/chiefs/routes.ts';
import { exportsRoutes } from './modules/exports/routes.ts';
import { gridsRoutes } from './modules/grids/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { importsRoutes } from './modules/imports/routes.ts';
import { LAYERS } from './modules/layers.ts';
import { landRoutes } from './modules/land/routes.ts';
import { mapRoutes } from './modules/map/routes.ts';
import { patrolRulesRoutes } from './modules/patrol-rules/routes.ts';
import { plansRoutes } from './modules/plans/routes.ts';
import { resourcesRoutes } from './modules/resources/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { regionsRoutes } from './modules/regions/routes.ts';
import { risksRoutes } from './modules/risks/routes.ts';
import { accessPlugin } from './platform/auth/access.ts';
import { AppError } from './platform/errors/app-error.ts';
import { frameworkError, registerErrorHandling, sendError } from './platform/errors/handler.ts';
import { REPO_ROOT } from './paths.ts';
import { FileStore } from './platform/files/store.ts';
import { JobsService } from './platform/jobs/service.ts';
import { createLogger, RequestLines, requestIdGenerator, returnRequestIds } from './platform/logging.ts';
import type { ModuleDeps } from './platform/module.ts';
import { TileServer } from './platform/tiles/serve.ts';

export const WEB_DIST = path.join(REPO_ROOT, 'web/dist');

export interface AppOptions {
  config: Config;
  database: Database;
  /** The process's logger (main.ts shares it with the start-up steps); false = none (tests). */
  logger?: FastifyBaseLogger | false;
}

/** Builds the HTTP application: platform plugins first, then each domain module, then the web app. */
export async function buildApp({ config, database, logger = createLogger(config) }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    logController: new RequestLines(config.logFormat),
    genReqId: requestIdGenerator(config.trustProxy),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // A URL that cannot be decoded is refused before routing, out of the error handler's reach.
    frameworkErrors: frameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Routes repeat schemas (the error body on every status, id parameters, pages): each distinct
  // schema is compiled once, not once per use, which saves most of a second at every start.
  const once = compileOnce();
  app.setValidatorCompiler(requestValidators(once));
  app.setSerializerCompiler(responseSerializers(once));

  returnRequestIds(app);
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new AppError('rate_limited', { retryAfter: seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`, retryAfterSeconds: seconds });
    },
  });
  await app.register(multipart, { limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Linzhang 林长制平台 API', version: '0.1.0', description: '林长制开放平台接口。浏览器会话使用 Cookie，写请求须带 X-CSRF-Token。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lz_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(accessPlugin, { config, db: database.app });

  // One jobs service for every module: modules register their kinds while they register, so it
  // starts once they all have, and stops (letting running jobs reach a checkpoint) before the database closes.
  const jobs = new JobsService(database, { onError: (err, jobId) => app.log.error({ err, jobId }, 'background job') });
  app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => jobs.stop());
  const tiles = new TileServer(database);
  if (!(await tiles.start())) {
    app.log.warn('PostGIS geometry_overlaps is not LEAKPROOF: row-level security keeps the spatial index out of tile queries, so tiles will be slow. Run as a superuser: alter function geometry_overlaps(geometry, geometry) leakproof;');
  }
  app.addHook('onClose', () => tiles.stop());
  const deps: ModuleDeps = { config, database, files: new FileStore(path.join(config.dataDir, 'files')), jobs, layers: LAYERS, tiles };
  await app.register(healthRoutes, deps);
  await app.register(accountsRoutes, deps);
  await app.register(regionsRoutes, deps);
  await app.register(peopleRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(landRoutes, deps);
  await app.register(chiefsRoutes, deps);
  await app.register(plansRoutes, deps);
  await app.register(gridsRoutes, deps);
  await app.register(risksRoutes, deps);
  await app.register(patrolRulesRoutes, deps);
  await app.register(mapRoutes, deps);
  await app.register(importsRoutes, deps);
  await app.register(resourcesRoutes, deps);
  await app.register(exportsRoutes, deps);

  serveWebApp(app);
  return app;
}

/**
 * Request validation. Extra fields are rejected, not silently dropped (a client sending `role`
 * must hear "no"); every problem is reported with its failing subschema, for Chinese field names.
 * Only query strings and path parameters are coerced from text: coercing a JSON body would turn
 * `{"note": null}` into `""` while Ajv tries the branches of a nullable field.
 */
function requestValidators(once: CompileOnce): FastifySchemaCompiler<AnySchema> {
  const make = (coerceTypes: false | 'array') => {
    const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: true, verbose: true, strict: false });
    // ajv-formats is CommonJS: under Node's ESM its default import is the module object.
    formats.default(ajv);
    return ajv;
  };
  const body = make(false);
  const text = make('array');
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? body : text;
    return once(`${ajv === body ? 'body' : 'text'}:${JSON.stringify(schema)}`, () => ajv.compile(schema));
  };
}

/** Response serializers (fast-json-stringify: fields a schema does not name are never sent). */
function responseSerializers(once: CompileOnce): FastifySerializerCompiler<AnySchema> {
  return ({ schema }) => once(`response:${JSON.stringify(schema)}`, () => fastJsonStringify(schema as Parameters<typeof fastJsonStringify>[0]));
}

type CompileOnce = <T>(key: string, compile: () => T) => T;

function compileOnce(): CompileOnce {
  const compiled = new Map<string, unknown>();
  return <T>(key: string, compile: () => T): T => {
    if (!compiled.has(key)) compiled.set(key, compile());
    return compiled.get(key) as T;
  };
}

/** The built single-page app; unknown non-API paths get index.html so client-side routes survive a reload. */
function serveWebApp(app: FastifyInstance) {
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) void app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (hasWeb && request.method === 'GET' && !url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, new AppError('route_not_found', { method: request.method, url }));
  });
}
