import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { systemContext, type Context } from '../context.ts';
import { TileCache, type CachedTile } from './cache.ts';
import { NO_FILTER, ruleAt, type TileFilter, type TileLayerSpec } from './layer-spec.ts';
import { encoderFor, renderTile, type TileEncoder } from './render.ts';
import type { TileAddress } from './tile-math.ts';
import { LayerVersions } from './versions.ts';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
const SYNC_GZIP_BELOW = 32 * 1024;

export interface TileServerOptions {
  /** Which encoder writes tiles; by default the database's own where it has one. */
  encoder?: TileEncoder;
  /** Memory for cached tiles (compressed). */
  cacheBytes?: number;
  /** How long a browser may reuse a tile without asking (seconds); after that it revalidates with its ETag. */
  maxAgeSeconds?: number;
}

export interface TileRequest {
  spec: TileLayerSpec;
  tile: TileAddress;
  ctx: Context;
  filter?: TileFilter;
  acceptsGzip: boolean;
  ifNoneMatch?: string | undefined;
  /** The client asked for a fresh copy (`Cache-Control: no-cache`, a hard reload): render again. */
  noCache?: boolean;
}

export interface TileResponse {
  /** 200 with bytes, 204 for a tile with no feature, 304 when the client's copy is current. */
  status: 200 | 204 | 304;
  headers: Record<string, string>;
  body?: Buffer;
}

/**
 * Serves tiles over HTTP semantics: a weak ETag that is known before rendering (layer version
 * + the caller's scope + tile + filter + the layer's rules), so a revalidation costs no query;
 * gzip once and keep the compressed bytes; `private` caching, since what a tile shows depends
 * on who asks. Empty tiles answer 204 (MapLibre draws nothing for them) with the same headers.
 */
export class TileServer {
  readonly versions: LayerVersions;
  readonly cache: TileCache;
  readonly encoder: TileEncoder;
  private readonly cacheControl: string;
  private readonly specHashes = new WeakMap<TileLayerSpec, string>();

  constructor(
    private readonly database: Database,
    options: TileServerOptions = {},
  ) {
    this.versions = new LayerVersions(database);
    this.cache = new TileCache(options.cacheBytes ?? 64 * 1024 * 1024);
    this.encoder = options.encoder ?? encoderFor(database.kind);
    this.cacheControl = `private, max-age=${options.maxAgeSeconds ?? 60}`;
  }

  /**
   * Starts following layer versions. Resolves to false when PostGIS's `&&` is not marked
   * leakproof (see migration 20261124-20): row-level security then keeps the spatial index out
   * of every tile query, and the caller should warn.
   */
  async start(): Promise<boolean> {
    await this.versions.start();
    const { rows } = await systemContext(this.database.app).run((tx) =>
      sql<{ leakproof: boolean }>`select proleakproof as leakproof from pg_proc where oid = 'geometry_overlaps(geometry, geometry)'::regprocedure`.execute(tx),
    );
    return rows[0]?.leakproof === true;
  }

  stop(): Promise<void> {
    return this.versions.stop();
  }

  /** The version token of a layer: changes whenever any table it draws from is written. */
  versionOf(spec: TileLayerSpec): string {
    return this.versions.token(spec.dependsOn);
  }

  async serve(request: TileRequest): Promise<TileResponse> {
    const { spec, tile, ctx } = request;
    const rule = ruleAt(spec, tile.z);
    if (!rule) throw new Error(`zoom ${tile.z} is outside layer ${spec.id}; the route checks this first`);
    const filter = request.filter ?? NO_FILTER;
    const key = [spec.id, this.versionOf(spec), scopeKey(ctx), filter.key, `${tile.z}/${tile.x}/${tile.y}`, this.specHash(spec)].join('|');
    const etag = `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
    const headers: Record<string, string> = { etag, 'cache-control': this.cacheControl, vary: 'Accept-Encoding' };
    if (!request.noCache && request.ifNoneMatch && etagMatches(request.ifNoneMatch, etag)) return { status: 304, headers };

    const { tile: cached, hit } = await this.cache.getOrRender(
      key,
      async (): Promise<CachedTile> => {
        const bytes = await renderTile(ctx, spec, rule, tile, { encoder: this.encoder, filter });
        // A small tile compresses in well under a millisecond: cheaper on the event loop than a trip to the thread pool.
        return { gzip: bytes.byteLength < SYNC_GZIP_BELOW ? gzipSync(bytes) : await gzip(bytes), bytes: bytes.byteLength };
      },
      request.noCache,
    );
    headers['x-tile-cache'] = hit ? 'hit' : 'miss';
    if (cached.bytes === 0) return { status: 204, headers };
    headers['content-type'] = MVT_CONTENT_TYPE;
    if (request.acceptsGzip) return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: cached.gzip };
    return { status: 200, headers, body: await gunzip(cached.gzip) };
  }

  private specHash(spec: TileLayerSpec): string {
    let hash = this.specHashes.get(spec);
    if (!hash) {
      // The rules are part of what a tile is: changing a layer's bands or attributes in code must change its ETags.
      hash = createHash('sha256').update(JSON.stringify(spec)).digest('base64url').slice(0, 12);
      this.specHashes.set(spec, hash);
    }
    return hash;
  }
}

/** Two users of different townships never share a cached tile: the scope is part of every key. */
function scopeKey(ctx: Context): string {
  return ctx.roots === '*' ? '*' : [...ctx.roots].sort().join(',');
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // If-None-Match compares weakly: W/"x" and "x" are the same validator.
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque);
}
