import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Geometry, MultiLineString } from 'geojson';
import { gaussKrugerShapefile, geoJson, gpx, kml, shifted, type SourceParcel } from '../server/test/fixtures/import-files.ts';
import { repack } from '../server/test/fixtures/zip-parts.ts';
import { DEMO_PASSWORD } from './driver.ts';

/**
 * The import test files of `server/test/fixtures/import-files.ts`, built from what the e2e server
 * seeded: geometry is fetched through the export API (it lives in the server's own database) and
 * put into the Gauss–Krüger zone by PostGIS in an in-memory PGlite, as the fixtures require.
 */

export const SHUIDONG = '360702101000'; // 水东镇

/** Paths of the files on disk, named as an office would send them. */
export interface ImportFiles {
  dir: string;
  /** GBK Shapefile, CGCS2000 3° Gauss–Krüger CM 114°E, pinyin fields; 6 good rows and one whose 地类 is unknown. */
  shapefile: string;
  /** The same without its .prj. */
  noPrj: string;
  /** Grids with Chinese field names (网格编码, 网格名称, 备注), longitude/latitude. */
  gridsGeoJson: string;
  /** Two placemarks with ExtendedData, for a reference layer. */
  kml: string;
  /** Three key routes: two tracks, one route, and a waypoint no layer takes. */
  gpx: string;
  /** The Shapefile zip cut in half. */
  brokenZip: string;
  /** Sub-compartments moved to the Pacific. */
  abroad: string;
  /** How many good rows the Shapefile holds. */
  shapefileRows: number;
}

interface ExportFeature<P> {
  geometry: Geometry;
  properties: P;
}

/** A signed-in HTTP session of the demo office, for reading what the server seeded. */
async function officeSession(baseURL: string): Promise<(pathname: string) => Promise<unknown>> {
  const login = await fetch(new URL('/api/auth/login', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-office', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (pathname) => {
    const res = await fetch(new URL(pathname, baseURL), { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${pathname}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

/** The village of 水东镇 with the most sub-compartments (the fixtures' `busiestVillage`, through the API). */
async function busiestVillage(get: (pathname: string) => Promise<unknown>): Promise<string> {
  const villages = (await get(`/api/regions/${SHUIDONG}/children`)) as Array<{ code: string }>;
  let best = { code: '', total: -1 };
  for (const { code } of villages) {
    const { total } = (await get(`/api/sub-compartments?regionCode=${code}&pageSize=1`)) as { total: number };
    if (total > best.total) best = { code, total };
  }
  return best.code;
}

/** Longitude/latitude geometries in CGCS2000 3° Gauss–Krüger CM 114°E (EPSG:4547), by PostGIS. */
async function toGaussKruger(geometries: readonly Geometry[]): Promise<Geometry[]> {
  const db = await PGlite.create({ dataDir: 'memory://', extensions: { postgis } });
  try {
    await db.exec('create extension postgis');
    const out: Geometry[] = [];
    for (const g of geometries) {
      const { rows } = await db.query<{ gk: string }>('select st_asgeojson(st_transform(st_setsrid(st_geomfromgeojson($1), 4326), 4547), 3) as gk', [JSON.stringify(g)]);
      const { type, coordinates } = JSON.parse(rows[0]!.gk) as { type: string; coordinates: unknown };
      out.push({ type, coordinates } as Geometry);
    }
    return out;
  } finally {
    await db.close();
  }
}

export async function writeImportFiles(baseURL: string): Promise<ImportFiles> {
  const get = await officeSession(baseURL);
  const village = await busiestVillage(get);
  const exported = (await get(`/api/exports/sub_compartments?format=geojson&regionCode=${village}`)) as {
    features: Array<ExportFeature<{ XZQ_DM: string; LIN_BAN: string; XIAO_BAN: string; XBMJ: number }>>;
  };
  const picked = exported.features.slice(0, 12);
  const gk = await toGaussKruger(picked.map((f) => f.geometry));
  const parcels: SourceParcel[] = picked.map((f, i) => ({
    regionCode: f.properties.XZQ_DM,
    compartment: f.properties.LIN_BAN,
    number: f.properties.XIAO_BAN,
    areaHa: Number(f.properties.XBMJ),
    lonLat: f.geometry,
    gaussKruger: gk[i]!,
  }));
  const shapefileSources = parcels.slice(0, 6);
  const routes = (await get(`/api/exports/key_routes?format=geojson&regionCode=${SHUIDONG}`)) as { features: Array<ExportFeature<{ MC: string }>> };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-e2e-imports-'));
  const write = (name: string, data: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };
  const shapefile = await gaussKrugerShapefile(shapefileSources);
  return {
    dir,
    shapefile: write('林班小班.zip', shapefile),
    noPrj: write('无坐标系.zip', await repack(shapefile, { drop: ['prj'] })),
    gridsGeoJson: write(
      '网格.geojson',
      geoJson(parcels.slice(6, 9).map((p, i) => ({ geometry: p.lonLat, properties: { 网格编码: `IMP-${i + 1}`, 网格名称: `导入网格${i + 1}`, 备注: '导入测试' } }))),
    ),
    kml: write('保护小区.kml', kml(parcels.slice(9, 11).map((p, i) => ({ name: `保护小区${i + 1}`, geometry: p.lonLat, data: { 级别: '县级' } })))),
    gpx: write('巡护线路.gpx', gpx(routes.features.slice(0, 3).map((r) => ({ name: r.properties.MC, geometry: r.geometry as MultiLineString })))),
    brokenZip: write('断了.zip', shapefile.subarray(0, Math.floor(shapefile.length / 2))),
    abroad: write(
      '国外.geojson',
      geoJson(shapefileSources.slice(0, 3).map((s, i) => ({ geometry: shifted(s.lonLat, -112.5, 23), properties: { 林班: '9100', 小班: String(i + 1) } }))),
    ),
    shapefileRows: shapefileSources.length,
  };
}
