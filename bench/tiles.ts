import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import seedrandom from 'seedrandom';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { prepareDatabase } from '../server/src/startup/prepare.ts';
import { LAYERS } from '../server/src/modules/layers.ts';
import { scopePatterns } from '../server/src/platform/scope/regions.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { ruleAt } from '../server/src/platform/tiles/layer-spec.ts';
import { encoderFor, renderWith } from '../server/src/platform/tiles/render.ts';
import { tilesCovering, type TileAddress } from '../server/src/platform/tiles/tile-math.ts';
import { generateSubCompartments } from './lib/polygons.ts';
import { HttpClient, postJson, quantile } from './lib/measure.ts';

/**
 * `npm run bench:tiles` (issue 3): a 200,000-polygon sub-compartment layer on PostgreSQL when
 * DATABASE_URL is set (in a throwaway database on that server), else 50,000 in a throwaway
 * embedded database; 200 random tiles at z10, z12 and z14, each fetched through the HTTP API
 * (signed in, over a real loopback socket, `Cache-Control: no-cache` so every request renders)
 * and rendered by the bare query (the same SQL and encoder, timed alone on a connection whose
 * scope is already set: ST_AsMVT on PostgreSQL, SQL preparation + vt-pbf embedded). Then the
 * same tiles again through the API, warm from the tile cache.
 * Goals: API ≤ 1.2 × bare at p50 and p95 (over all 600 tiles), cached tile p95 < 5 ms.
 */

const ZOOMS = [10, 12, 14];
const TILES_PER_ZOOM = Number(process.env.BENCH_TILES ?? 200);
const SCOPE = '360702000000'; // demo-office: the whole demo county, which every generated polygon belongs to

const url = process.env.DATABASE_URL;
const count = Number(process.env.BENCH_POLYGONS ?? (url ? 200_000 : 50_000));
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-bench-tiles-'));
const dbName = 'linzhang_bench_tiles';
const adminUrl = url ? withDatabase(url, 'postgres') : undefined;
if (adminUrl) await admin(`drop database if exists ${dbName} with (force)`, `create database ${dbName}`);

const config = loadConfig({
  ...process.env,
  NODE_ENV: 'development',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  DEMO_SEED: 'auto',
  // The demo county gives regions, accounts and posts; its own land is kept small, the benchmark brings its own.
  DEMO_LAND_SCALE: '0.15',
  LOGIN_RATE_PER_MINUTE: '100000',
  ...(url ? { DATABASE_URL: withDatabase(url, dbName) } : {}),
});

try {
  log(`${url ? 'PostgreSQL (throwaway database on DATABASE_URL’s server)' : `embedded PGlite in ${dataDir}`}: migrations and the demo county…`);
  const { database } = await prepareDatabase(config);
  log(`generating ${count.toLocaleString('en')} sub-compartments…`);
  const layer = await generateSubCompartments(systemContext(database.app), count, (done) => {
    if (done % 50_000 === 0 || done === count) log(`  ${done.toLocaleString('en')} inserted`);
  });
  await database.owner.exec('analyze sub_compartments');

  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = new URL(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  const login = await postJson(base, '/api/auth/login', { username: 'demo-office', password: config.demo.password });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.body}`);
  const cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
  const client = new HttpClient(base, { cookie, 'accept-encoding': 'gzip' });

  const spec = LAYERS.mapLayer('sub_compartments')!.spec;
  const encoder = encoderFor(database.kind);
  log(`server on ${base.origin}, signed in as demo-office; encoder: ${encoder === 'postgis' ? 'ST_AsMVT' : 'SQL preparation + vt-pbf'}`);

  /** The bare query: the same SQL and encoder, on a connection whose scope is already set; only the tile is timed. */
  const bare = (tile: TileAddress) =>
    database.app.transaction().execute(async (tx) => {
      await sql`select set_config('linzhang.scope', ${scopePatterns([SCOPE]).join(',')}, true)`.execute(tx);
      const t0 = performance.now();
      const bytes = await renderWith(tx, spec, ruleAt(spec, tile.z)!, tile, { encoder });
      return { ms: performance.now() - t0, bytes: bytes.byteLength };
    });
  const tileUrl = (t: TileAddress) => `/api/tiles/sub_compartments/${t.z}/${t.x}/${t.y}.mvt`;

  const random = seedrandom('linzhang-bench-tiles');
  const all = { api: [] as number[], bare: [] as number[], warm: [] as number[], access: [] as number[] };
  /** The server's own account of a request (Server-Timing): time before the handler, i.e. routing and the session lookup. */
  const timing = (headers: Record<string, unknown>, name: 'access' | 'tile') => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(String(headers['server-timing']))?.[1] ?? NaN);
  const accessMs = (headers: Record<string, unknown>) => timing(headers, 'access');
  const warmHandler: number[] = [];
  const rows: string[] = [];
  for (const z of ZOOMS) {
    const candidates = tilesCovering(layer.bbox, z);
    const tiles = Array.from({ length: TILES_PER_ZOOM }, () => candidates[Math.floor(random() * candidates.length)]!);
    const api: number[] = [];
    const access: number[] = [];
    const handler: number[] = [];
    const bareMs: number[] = [];
    const sizes: number[] = [];
    const gzSizes: number[] = [];
    log(`z${z}: ${tiles.length} tiles of ${candidates.length} over the layer…`);
    for (const [i, tile] of tiles.entries()) {
      // Alternate which goes first, so neither always finds the other's pages in the cache.
      const viaApi = () => client.get(tileUrl(tile), { 'cache-control': 'no-cache' });
      const [a, b] = i % 2 === 0 ? [await viaApi(), await bare(tile)] : await bare(tile).then(async (b0) => [await viaApi(), b0] as const);
      if (a.status !== 200 && a.status !== 204) throw new Error(`${tileUrl(tile)} answered ${a.status}`);
      api.push(a.ms);
      access.push(accessMs(a.headers));
      handler.push(timing(a.headers, 'tile'));
      bareMs.push(b.ms);
      sizes.push(b.bytes);
      gzSizes.push(a.bytes);
      if ((i + 1) % 50 === 0) log(`  z${z}: ${i + 1}/${tiles.length}`);
    }
    const warm: number[] = [];
    for (const tile of tiles) {
      const w = await client.get(tileUrl(tile));
      if (w.headers['x-tile-cache'] !== 'hit') throw new Error(`${tileUrl(tile)} was not served from the cache`);
      warm.push(w.ms);
      warmHandler.push(timing(w.headers, 'tile'));
    }
    all.api.push(...api);
    all.bare.push(...bareMs);
    all.warm.push(...warm);
    all.access.push(...access);
    const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
    rows.push(
      `z${z}   bare p50 ${quantile(bareMs, 0.5).toFixed(1).padStart(7)} p95 ${quantile(bareMs, 0.95).toFixed(1).padStart(7)} ms | ` +
        `api p50 ${quantile(api, 0.5).toFixed(1).padStart(7)} p95 ${quantile(api, 0.95).toFixed(1).padStart(7)} ms | ` +
        `ratio p50 ${(quantile(api, 0.5) / quantile(bareMs, 0.5)).toFixed(2)} p95 ${(quantile(api, 0.95) / quantile(bareMs, 0.95)).toFixed(2)} | ` +
        `access p50 ${quantile(access, 0.5).toFixed(2)} handler p50 ${quantile(handler, 0.5).toFixed(2)} ms | cached p95 ${quantile(warm, 0.95).toFixed(2)} ms | size p50 ${kb(quantile(sizes, 0.5))} max ${kb(Math.max(...sizes))}, gzip p50 ${kb(quantile(gzSizes, 0.5))} max ${kb(Math.max(...gzSizes))}`,
    );
  }
  client.close();
  await app.close();
  await database.close();

  const p50 = quantile(all.api, 0.5) / quantile(all.bare, 0.5);
  const p95 = quantile(all.api, 0.95) / quantile(all.bare, 0.95);
  const cached = quantile(all.warm, 0.95);
  console.log(`\n${count.toLocaleString('en')} sub-compartments, ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}, ${TILES_PER_ZOOM} tiles per zoom`);
  for (const row of rows) console.log(row);
  const access = quantile(all.access, 0.5);
  const withoutAccess = (q: number) => quantile(all.api.map((ms, i) => ms - all.access[i]!), q) / quantile(all.bare, q);
  console.log(
    `all   bare p50 ${quantile(all.bare, 0.5).toFixed(1)} p95 ${quantile(all.bare, 0.95).toFixed(1)} ms | api p50 ${quantile(all.api, 0.5).toFixed(1)} p95 ${quantile(all.api, 0.95).toFixed(1)} ms` +
      ` | goals: ratio ≤ 1.2 ${p50 <= 1.2 && p95 <= 1.2 ? 'met' : 'MISSED'}, cached p95 < 5 ms ${cached < 5 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `      before the handler (routing + session lookup, from Server-Timing) p50 ${access.toFixed(2)} ms; ` +
      `without it the ratio would be p50 ${withoutAccess(0.5).toFixed(2)} p95 ${withoutAccess(0.95).toFixed(2)}`,
  );
  console.log(`      cached tiles: p95 ${cached.toFixed(2)} ms in all, of which the tile handler itself p95 ${quantile(warmHandler, 0.95).toFixed(2)} ms`);
  console.log(`tiles p50_ratio=${p50.toFixed(2)} p95_ratio=${p95.toFixed(2)} cached_p95_ms=${cached.toFixed(2)}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (adminUrl) await admin(`drop database if exists ${dbName} with (force)`);
}

function withDatabase(u: string, name: string): string {
  const parsed = new URL(u);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(...statements: string[]) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}
