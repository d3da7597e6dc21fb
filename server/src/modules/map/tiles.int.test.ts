import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { neighbourTownshipChief, officeAdmin, SHASHI, SHUIDONG, townshipChief } from '../../../test/personas.ts';
import { systemContext } from '../../platform/context.ts';
import { decodeTile } from '../../platform/tiles/decode.ts';
import { tileBounds, tilesCovering, type Box, type TileAddress } from '../../platform/tiles/tile-math.ts';

let t: TestApp;
let township: Client;
let office: Client;
let shuidongBox: Box;
beforeAll(async () => {
  t = await startTestApp();
  township = await townshipChief(t);
  office = await officeAdmin(t);
  shuidongBox = await regionBox(SHUIDONG);
});
afterAll(() => t.close());

const tileUrl = (layer: string, { z, x, y }: TileAddress, query = '') => `/api/tiles/${layer}/${z}/${x}/${y}.mvt${query}`;
const gzip = { 'accept-encoding': 'gzip' };

async function regionBox(code: string): Promise<Box> {
  const { rows } = await t.system.run((tx) =>
    sql<{ b: Box }>`select json_build_array(st_xmin(geom), st_ymin(geom), st_xmax(geom), st_ymax(geom)) as b from regions where code = ${code}`.execute(tx),
  );
  return rows[0]!.b;
}

/** The region code of each id in a table, read as the system (no scope). */
async function regionsOf(table: 'sub_compartments' | 'grids' | 'risk_areas' | 'key_routes' | 'responsibility_areas', ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await t.system.run((tx) => tx.selectFrom(table).select(['id', 'region_code']).where('id', 'in', ids).execute());
  return new Map(rows.map((r) => [r.id, r.region_code]));
}

async function features(client: Client, layer: string, tile: TileAddress, query = '') {
  const res = await client.request('GET', tileUrl(layer, tile, query), undefined, gzip);
  expect([200, 204]).toContain(res.statusCode);
  return decodeTile(res.rawPayload);
}

describe('a township user gets no feature outside the township (issue 3: tiles scoped to the caller’s region subtree)', () => {
  const tilesOfShuidong = (z: number) => tilesCovering(shuidongBox, z);

  it('every sub-compartment in 水东镇’s tiles lies in 水东镇, where the district office sees its neighbours’ too', async () => {
    let mine = 0;
    let othersSeenByOffice = 0;
    for (const tile of tilesOfShuidong(12)) {
      const ids = (await features(township, 'sub_compartments', tile)).map((f) => f.id!);
      mine += ids.length;
      for (const code of (await regionsOf('sub_compartments', ids)).values()) expect(code.startsWith('360702101')).toBe(true);
      const officeIds = (await features(office, 'sub_compartments', tile)).map((f) => f.id!);
      othersSeenByOffice += [...(await regionsOf('sub_compartments', officeIds)).values()].filter((c) => !c.startsWith('360702101')).length;
    }
    expect(mine).toBeGreaterThan(100);
    expect(othersSeenByOffice).toBeGreaterThan(0);
  });

  it('grids, risk areas, key routes and responsibility areas in its tiles are all 水东镇’s', async () => {
    for (const layer of ['grids', 'risk_areas', 'key_routes', 'responsibility_areas'] as const) {
      let seen = 0;
      for (const tile of tilesOfShuidong(12)) {
        const decoded = await features(township, layer, tile);
        seen += decoded.length;
        for (const f of decoded) expect(String(f.properties.region_code)).toMatch(/^360702101/);
        for (const code of (await regionsOf(layer, decoded.map((f) => f.id!))).values()) expect(code).toMatch(/^360702101/);
      }
      expect(seen, layer).toBeGreaterThan(0);
    }
  });

  it('region boundaries: 水东镇 and its villages only, never the district or 沙石镇', async () => {
    const codes = new Set<string>();
    for (const tile of tilesOfShuidong(12)) for (const f of await features(township, 'regions', tile)) codes.add(String(f.properties.code));
    expect(codes.has(SHUIDONG)).toBe(true);
    expect([...codes].every((c) => c.startsWith('360702101'))).toBe(true);
  });

  it('a tile inside 沙石镇 is empty for 水东镇’s chief (204) and full for 沙石镇’s own', async () => {
    const tile = await tileInsideNeighbour();
    const neighbour = await neighbourTownshipChief(t);
    for (const layer of ['sub_compartments', 'grids', 'regions']) {
      const res = await township.request('GET', tileUrl(layer, tile), undefined, gzip);
      expect(res.statusCode, layer).toBe(204);
      expect(res.rawPayload.length).toBe(0);
    }
    expect((await features(neighbour, 'sub_compartments', tile)).length).toBeGreaterThan(0);
  });
});

/** A z14 tile holding 沙石镇 sub-compartments that does not touch 水东镇 at all. */
async function tileInsideNeighbour(): Promise<TileAddress> {
  const { rows } = await t.system.run((tx) =>
    sql<{ x: number; y: number }>`
      select floor((st_x(p) + 20037508.342789244) / s)::int as x, floor((20037508.342789244 - st_y(p)) / s)::int as y
        from (select st_transform(st_pointonsurface(geom), 3857) as p, 2 * 20037508.342789244 / 16384 as s
                from sub_compartments where region_code like ${`${SHASHI.slice(0, 9)}%`} order by id limit 200) c`.execute(tx),
  );
  for (const { x, y } of rows) {
    const tile = { z: 14, x, y };
    const [minX, minY, maxX, maxY] = tileBounds(tile);
    const { rows: hit } = await t.system.run((tx) =>
      sql<{ n: number }>`select count(*)::int as n from regions
                          where code like '360702101%' and st_intersects(geom, st_transform(st_makeenvelope(${minX}, ${minY}, ${maxX}, ${maxY}, 3857), 4326))`.execute(tx),
    );
    if (hit[0]!.n === 0) return tile;
  }
  throw new Error('no 沙石镇 tile away from 水东镇');
}

describe('tile queries stay fast under row-level security', () => {
  it('reach sub-compartments through the spatial index, not by reading the whole table (migration 20261124-20: && is leakproof)', async () => {
    const township = systemContext(t.database.app, [SHUIDONG]);
    const plan = await township.run(async (tx) => {
      // With sequential scans priced out, only a policy that forbids the index leaves one in the plan.
      await sql`set local enable_seqscan = off`.execute(tx);
      const { rows } = await sql<Record<string, string>>`
        explain select id from sub_compartments f where f.geom && st_makeenvelope(114.98, 25.78, 115.0, 25.8, 4326)`.execute(tx);
      return rows.map((r) => Object.values(r).join(' ')).join('\n');
    });
    expect(plan).toMatch(/sub_compartments_geom_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

describe('tiles are cached, validated and invalidated by layer versions', () => {
  let tile: TileAddress;
  beforeAll(async () => {
    // A z14 tile over one of 水东镇's sub-compartments: full attributes, few features.
    const first = await t.system.run((tx) =>
      sql<{ lon: number; lat: number }>`select st_x(p) as lon, st_y(p) as lat from (select st_pointonsurface(geom) as p from sub_compartments
                                         where region_code like '360702101%' order by id limit 1) s`.execute(tx),
    );
    const { lon, lat } = first.rows[0]!;
    tile = tilesCovering([lon, lat, lon, lat], 14)[0]!;
  });

  it('answers with an ETag, private Cache-Control and gzip, then serves the same bytes from the cache', async () => {
    const first = await township.request('GET', tileUrl('sub_compartments', tile), undefined, gzip);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.vary).toBe('Accept-Encoding');
    expect(first.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    const second = await township.request('GET', tileUrl('sub_compartments', tile), undefined, gzip);
    expect(second.headers['x-tile-cache']).toBe('hit');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('sends plain MVT to a client that does not accept gzip', async () => {
    const res = await township.get(tileUrl('sub_compartments', tile));
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload[0]).not.toBe(0x1f);
    expect(decodeTile(res.rawPayload).length).toBeGreaterThan(0);
  });

  it('answers 304 without a body when the client’s ETag is current', async () => {
    const etag = (await township.get(tileUrl('sub_compartments', tile))).headers.etag as string;
    const res = await township.request('GET', tileUrl('sub_compartments', tile), undefined, { 'if-none-match': etag });
    expect(res.statusCode).toBe(304);
    expect(res.rawPayload.length).toBe(0);
    expect(res.headers.etag).toBe(etag);
  });

  it('never shares a cached tile between users of different scopes', async () => {
    const mine = await township.get(tileUrl('sub_compartments', tile));
    const theirs = await office.get(tileUrl('sub_compartments', tile));
    expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    const neighbour = await neighbourTownshipChief(t);
    const res = await neighbour.get(tileUrl('sub_compartments', tile));
    const ids = decodeTile(res.rawPayload).map((f) => f.id!);
    for (const code of (await regionsOf('sub_compartments', ids)).values()) expect(code).toMatch(/^360702100/);
  });

  it('a changed sub-compartment bumps the layer version: new ETag, new attributes', async () => {
    const before = await township.get(tileUrl('sub_compartments', tile));
    const target = decodeTile(before.rawPayload).find((f) => f.properties.land_class !== '0163')!;
    await t.system.run((tx) => tx.updateTable('sub_compartments').set({ land_class: '0163' }).where('id', '=', target.id!).execute());
    await expect.poll(async () => (await township.get(tileUrl('sub_compartments', tile))).headers.etag, { timeout: 5000 }).not.toBe(before.headers.etag);
    const after = decodeTile((await township.get(tileUrl('sub_compartments', tile))).rawPayload).find((f) => f.id === target.id);
    expect(after?.properties.land_class).toBe('0163');
    // The old ETag no longer validates.
    const stale = await township.request('GET', tileUrl('sub_compartments', tile), undefined, { 'if-none-match': before.headers.etag as string });
    expect(stale.statusCode).toBe(200);
  });

  it('a changed grid changes the grids layer’s ETag', async () => {
    const before = await township.get(tileUrl('grids', tile));
    const grid = decodeTile(before.rawPayload)[0]!;
    await t.system.run((tx) => tx.updateTable('grids').set({ name: '改名测试网格' }).where('id', '=', grid.id!).execute());
    await expect.poll(async () => (await township.get(tileUrl('grids', tile))).headers.etag, { timeout: 5000 }).not.toBe(before.headers.etag);
    const renamed = decodeTile((await township.get(tileUrl('grids', tile))).rawPayload).find((f) => f.id === grid.id);
    expect(renamed?.properties.name).toBe('改名测试网格');
  });

  it('Cache-Control: no-cache renders again', async () => {
    await township.get(tileUrl('sub_compartments', tile));
    const res = await township.request('GET', tileUrl('sub_compartments', tile), undefined, { 'cache-control': 'no-cache' });
    expect(res.headers['x-tile-cache']).toBe('miss');
  });
});

describe('grid plans on the grids layer', () => {
  it('shows the active plan by default and another plan on ?plan=', async () => {
    const plans = await t.system.run((tx) => tx.selectFrom('grid_plans').select(['id', 'status']).execute());
    const active = plans.find((p) => p.status === 'active')!;
    const archived = plans.find((p) => p.status === 'archived')!;
    const tile = tilesCovering(shuidongBox, 12)[0]!;
    const byDefault = await features(township, 'grids', tile);
    expect(byDefault.length).toBeGreaterThan(0);
    expect(byDefault.every((f) => f.properties.plan_id === active.id)).toBe(true);
    const older = await features(township, 'grids', tile, `?plan=${archived.id}`);
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((f) => f.properties.plan_id === archived.id)).toBe(true);
  });
});

describe('bad tile requests get a clear 4xx with a stable code and a Chinese message', () => {
  const expectError = async (url: string, status: number, code: string) => {
    const res = await township.get(url);
    expect(res.statusCode, url).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  };

  it('an unknown layer is 404 layer_unknown', () => expectError('/api/tiles/forests/12/3300/1750.mvt', 404, 'layer_unknown'));
  it('z beyond 22 is 400 tile_invalid', () => expectError('/api/tiles/grids/23/1/1.mvt', 400, 'tile_invalid'));
  it('x or y outside the zoom’s grid is 400 tile_invalid', async () => {
    await expectError('/api/tiles/grids/12/4096/1.mvt', 400, 'tile_invalid');
    await expectError('/api/tiles/grids/12/1/-1.mvt', 400, 'tile_invalid');
  });
  it('a zoom the layer does not serve is 400 tile_invalid', () => expectError('/api/tiles/sub_compartments/6/52/27.mvt', 400, 'tile_invalid'));
  it('a coordinate that is not a number is 400 validation_failed', () => expectError('/api/tiles/grids/12/abc/1.mvt', 400, 'validation_failed'));
  it('?plan on a layer without plans is 400 tile_invalid', () => expectError('/api/tiles/sub_compartments/12/3330/1750.mvt?plan=1', 400, 'tile_invalid'));
  it('nobody signed in gets 401', async () => {
    const res = await anonymous(t).get('/api/tiles/grids/12/3330/1750.mvt');
    expect(res.statusCode).toBe(401);
  });
});

describe('a feature is named once however many tiles cut it (the same 小班号 was drawn two to four times inside one polygon)', () => {
  /** The biggest features of 水东镇 in a layer, with their extent: the ones most tiles cut. */
  async function biggest(table: 'sub_compartments' | 'grids', n: number) {
    const active = table === 'grids' ? sql`and plan_id in (select id from grid_plans where status = 'active')` : sql``;
    const { rows } = await t.system.run((tx) =>
      sql<{ id: number; b: Box }>`
        select id, json_build_array(st_xmin(geom), st_ymin(geom), st_xmax(geom), st_ymax(geom)) as b from ${sql.table(table)}
         where region_code like '360702101%' ${active} order by area_ha desc limit ${n}`.execute(tx),
    );
    return rows;
  }

  for (const [layer, z] of [
    ['sub_compartments', 14],
    ['sub_compartments', 15],
    ['grids', 12],
    ['grids', 13],
  ] as const) {
    it(`${layer} at z${z}: one label point, in exactly one tile, however many tiles hold pieces of the feature`, async () => {
      let cut = 0;
      for (const { id, b } of await biggest(layer, 12)) {
        let pieces = 0;
        const labelled: string[] = [];
        for (const tile of tilesCovering(b, z)) {
          for (const f of await features(office, layer, tile)) {
            if (f.id !== id) continue;
            if (f.layer === layer) pieces++;
            if (f.layer === `${layer}_labels`) labelled.push(`${tile.z}/${tile.x}/${tile.y}`);
          }
        }
        if (pieces > 1) cut++;
        expect(labelled, `${layer} ${id}'s label point`).toHaveLength(1);
      }
      // The test means something only where tiles cut features.
      expect(cut).toBeGreaterThan(0);
    });
  }
});
