import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** The development default; refused in production so a real deployment never signs sessions with it. */
const DEV_SESSION_SECRET = 'linzhang-dev-secret-change-me-0000000000';

const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port' }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL server; absent = embedded PGlite' })),
  DATA_DIR: Type.String({ default: './data', description: 'embedded database, uploads and caches' }),
  SESSION_SECRET: Type.String({ minLength: 32, default: DEV_SESSION_SECRET }),
  DEMO_PASSWORD: Type.String({ minLength: 8, default: 'linzhang-demo' }),
  DEMO_SEED: Type.Union([Type.Literal('auto'), Type.Literal('off')], { default: 'auto' }),
  DEMO_LAND_SCALE: Type.Number({ exclusiveMinimum: 0, maximum: 4, default: 1, description: 'density of demo sub-compartments (tests use less)' }),
  REGIONS: Type.String({ pattern: '^\\d{6}(,\\d{6})*$', default: '360702', description: 'county codes this installation covers' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  LOG_FORMAT: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pretty')], { description: 'json lines, or short readable lines; default pretty on a terminal outside production' })),
  TRUST_PROXY: Type.String({
    pattern: '^(true|false|[0-9A-Za-z.:/]+(,[0-9A-Za-z.:/]+)*)$',
    default: 'false',
    description: 'true, false, or the reverse proxies\' addresses / CIDR ranges, comma-separated',
  }),
  COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('always'), Type.Literal('never')], { default: 'auto' }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, default: 30 }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, default: 12 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, default: 15 }),
  LOGIN_RATE_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  UPLOAD_MAX_MB: Type.Integer({ minimum: 1, default: 200 }),
  IMPORT_MAX_FEATURES: Type.Integer({ minimum: 1, default: 300000 }),
  BASEMAP_URL: Type.Optional(Type.String({ description: 'XYZ or WMTS URL templates of the base map, bottom layer first, separated by spaces' })),
  BASEMAP_SUBDOMAINS: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$', description: 'values of {s} in the base-map URLs' })),
  BASEMAP_ATTRIBUTION: Type.Optional(Type.String()),
  TIANDITU_KEY: Type.Optional(Type.String({ description: '天地图 key; sets the base map to 天地图 vector tiles' })),
});
type Env = Static<typeof Env>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  sessionSecret: string;
  demo: { password: string; seed: boolean; landScale: number };
  regions: string[];
  logLevel: Env['LOG_LEVEL'];
  /** `json`: one JSON object a line (production, or output that is not a terminal); `pretty`: short lines for a person. */
  logFormat: 'json' | 'pretty';
  /** Whom to believe about the client's address, scheme and request id: nobody, every peer, or these proxies (addresses and CIDR ranges). */
  trustProxy: boolean | string[];
  cookieSecure: Env['COOKIE_SECURE'];
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  uploads: { maxBytes: number; maxFeatures: number };
  /** Raster base-map layers, bottom first; each lists the same tiles on alternative hosts. Empty = no base map. */
  basemap: { layers: string[][]; attribution?: string };
}

export class ConfigError extends Error {}

/**
 * Reads every environment variable once; a bad value stops the start with a message that says what
 * to fix. `terminal` says whether standard output is a person's terminal (it picks the log format).
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, terminal = process.stdout.isTTY === true): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Default(Env, Value.Convert(Env, raw));
  const problems = [...Value.Errors(Env, converted)];
  if (problems.length > 0) {
    const lines = problems.map((e) => `  ${e.instancePath.slice(1) || '(root)'}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = converted as Env;
  const production = env.NODE_ENV === 'production';
  if (production && env.SESSION_SECRET === DEV_SESSION_SECRET) {
    throw new ConfigError(
      'SESSION_SECRET must be set in production: a random string of at least 32 characters, e.g. `openssl rand -base64 48`.',
    );
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    sessionSecret: env.SESSION_SECRET,
    demo: { password: env.DEMO_PASSWORD, seed: env.DEMO_SEED === 'auto' && !production, landScale: env.DEMO_LAND_SCALE },
    regions: env.REGIONS.split(','),
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (terminal && !production ? 'pretty' : 'json'),
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY.split(','),
    cookieSecure: env.COOKIE_SECURE,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    login: { maxFailures: env.LOGIN_MAX_FAILURES, lockMinutes: env.LOGIN_LOCK_MINUTES, ratePerMinute: env.LOGIN_RATE_PER_MINUTE },
    uploads: { maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024, maxFeatures: env.IMPORT_MAX_FEATURES },
    basemap: basemapOf(env),
  };
}

/** 天地图 (Web Mercator): streets (vec) with their annotation layer (cva), on hosts t0–t7. */
function tiandituLayer(layer: 'vec' | 'cva', key: string): string {
  return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`;
}

function basemapOf(env: Env): Config['basemap'] {
  const key = env.TIANDITU_KEY;
  const templates = key ? [tiandituLayer('vec', key), tiandituLayer('cva', key)] : (env.BASEMAP_URL?.split(/\s+/).filter(Boolean) ?? []);
  const subdomains = key ? ['0', '1', '2', '3', '4', '5', '6', '7'] : (env.BASEMAP_SUBDOMAINS?.split(',') ?? []);
  const expand = (template: string) => (template.includes('{s}') && subdomains.length > 0 ? subdomains.map((s) => template.replaceAll('{s}', s)) : [template]);
  const attribution = env.BASEMAP_ATTRIBUTION ?? (key ? '天地图' : undefined);
  return { layers: templates.map(expand), ...(attribution ? { attribution } : {}) };
}
