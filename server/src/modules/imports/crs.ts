/**
 * Coordinate reference systems (坐标系) an import may arrive in, and how a `.prj` names one.
 * Reprojection itself is PostGIS's `ST_Transform` (PROJ); this file only decides which system a
 * file uses, from the `.prj` text, a GeoJSON `crs` member or the user's choice.
 */

export interface Crs {
  /** 'EPSG:4547', or 'PRJ' for a `.prj` no EPSG code names, converted from its parameters. */
  code: string;
  /** SRID in spatial_ref_sys; null for 'PRJ' (then `proj` is handed to ST_Transform). */
  srid: number | null;
  name: string;
  /** Longitude/latitude in degrees (only these may be declared GCJ-02). */
  geographic: boolean;
  /** For 'PRJ': the PROJ string we built from the .prj's parameters (see `fromParameters`). */
  proj?: string;
}

const gk = (srid: number, name: string): Crs => ({ code: `EPSG:${srid}`, srid, name, geographic: false });

/** Every system a user may choose when a file does not say (or says something we cannot use). */
export const CRS_CHOICES: readonly Crs[] = [
  { code: 'EPSG:4490', srid: 4490, name: 'CGCS2000 经纬度', geographic: true },
  { code: 'EPSG:4326', srid: 4326, name: 'WGS84 经纬度', geographic: true },
  { code: 'EPSG:3857', srid: 3857, name: 'Web 墨卡托（EPSG:3857）', geographic: false },
  // 3° zones 25–45: with the zone number in the false easting (4513–4533), then by central meridian (4534–4554).
  ...Array.from({ length: 21 }, (_, i) => gk(4513 + i, `CGCS2000 3度带高斯-克吕格 第${25 + i}带（横坐标带带号）`)),
  ...Array.from({ length: 21 }, (_, i) => gk(4534 + i, `CGCS2000 3度带高斯-克吕格 中央经线 ${75 + 3 * i}°E`)),
  // 6° zones 13–23, the same two ways (4491–4501, 4502–4512).
  ...Array.from({ length: 11 }, (_, i) => gk(4491 + i, `CGCS2000 6度带高斯-克吕格 第${13 + i}带（横坐标带带号）`)),
  ...Array.from({ length: 11 }, (_, i) => gk(4502 + i, `CGCS2000 6度带高斯-克吕格 中央经线 ${75 + 6 * i}°E`)),
];

const BY_CODE = new Map(CRS_CHOICES.map((c) => [c.code, c]));

export function crsByCode(code: string): Crs | undefined {
  return BY_CODE.get(code.toUpperCase());
}

export type CrsDetection = { crs: Crs } | { problem: string };

/** A WKT node: `KEYWORD[value, value, CHILD[…]]`. */
interface WktNode {
  keyword: string;
  values: Array<string | number | WktNode>;
}

/** Reads WKT1 (OGC or ESRI, as in `.prj` files) and the WKT2 keywords newer tools write. */
export function parseWkt(text: string): WktNode {
  const tokens = text.match(/"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[[\](),]/g) ?? [];
  let i = 0;
  const node = (): WktNode => {
    const keyword = tokens[i++];
    if (!keyword || !/^[A-Za-z_]/.test(keyword)) throw new Error('expected a keyword');
    const open = tokens[i++];
    if (open !== '[' && open !== '(') throw new Error(`expected [ after ${keyword}`);
    const values: WktNode['values'] = [];
    for (;;) {
      const t = tokens[i];
      if (t === undefined) throw new Error('unterminated WKT');
      if (t === ']' || t === ')') {
        i++;
        return { keyword: keyword.toUpperCase(), values };
      }
      if (t === ',') {
        i++;
      } else if (tokens[i + 1] === '[' || tokens[i + 1] === '(') {
        values.push(node());
      } else {
        // a quoted string, a number, or a bare enumeration such as AXIS["x", EAST]
        values.push(t.startsWith('"') ? t.slice(1, -1).replaceAll('""', '"') : /^[-+.\d]/.test(t) ? Number(t) : t);
        i++;
      }
    }
  };
  const root = node();
  if (i !== tokens.length) throw new Error('text after the WKT');
  return root;
}

const children = (n: WktNode) => n.values.filter((v): v is WktNode => typeof v === 'object');
const child = (n: WktNode, ...keywords: string[]) => children(n).find((c) => keywords.includes(c.keyword));
const nameOf = (n: WktNode | undefined) => (typeof n?.values[0] === 'string' ? n.values[0] : '');
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function epsgOf(n: WktNode): number | undefined {
  const id = child(n, 'AUTHORITY', 'ID');
  if (!id || typeof id.values[0] !== 'string' || squash(id.values[0]) !== 'epsg') return undefined;
  const code = Number(id.values[1]);
  return Number.isInteger(code) ? code : undefined;
}

type Datum = 'cgcs2000' | 'wgs84' | 'beijing1954' | 'xian1980' | 'other';

function datumOf(geog: WktNode | undefined): Datum {
  const datum = geog && child(geog, 'DATUM', 'GEODETICDATUM', 'ENSEMBLE');
  const text = squash(`${nameOf(geog)} ${nameOf(datum)}`);
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(text)) return 'cgcs2000';
  if (/wgs1984|wgs84|worldgeodeticsystem1984/.test(text)) return 'wgs84';
  if (/beijing1954/.test(text)) return 'beijing1954';
  if (/xian1980/.test(text)) return 'xian1980';
  return 'other';
}

const PARAMETER_ALIASES: Record<string, string> = {
  centralmeridian: 'cm',
  longitudeofnaturalorigin: 'cm',
  longitudeoforigin: 'cm',
  longitudeofcenter: 'cm',
  falseeasting: 'fe',
  falsenorthing: 'fn',
  scalefactor: 'k',
  scalefactoratnaturalorigin: 'k',
  latitudeoforigin: 'lat0',
  latitudeofnaturalorigin: 'lat0',
  latitudeofcenter: 'lat0',
  latitudeoffalseorigin: 'lat0',
  longitudeoffalseorigin: 'cm',
  eastingatfalseorigin: 'fe',
  northingatfalseorigin: 'fn',
  standardparallel1: 'sp1',
  standardparallel2: 'sp2',
  latitudeof1ststandardparallel: 'sp1',
  latitudeof2ndstandardparallel: 'sp2',
};

function parametersOf(projcs: WktNode): Record<string, number> {
  const holder = child(projcs, 'CONVERSION') ?? projcs;
  const out: Record<string, number> = {};
  for (const p of children(holder).filter((c) => c.keyword === 'PARAMETER')) {
    const key = PARAMETER_ALIASES[squash(nameOf(p))];
    if (key && typeof p.values[1] === 'number') out[key] = p.values[1];
  }
  return out;
}

const OLD_DATUM =
  '北京54/西安80 坐标系与 CGCS2000 之间没有公开的通用转换参数，直接换算会偏差上百米；请先用当地的转换参数转为 CGCS2000 后再导入';

/** The coordinate system a `.prj` (or GeoJSON `crs`) text describes, or why we cannot use it. */
export function detectPrj(text: string): CrsDetection {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: '.prj 文件是空的' };
  let root: WktNode;
  try {
    root = parseWkt(trimmed);
  } catch {
    return { problem: '.prj 文件内容无法解析' };
  }
  const epsg = epsgOf(root);
  const named = epsg === undefined ? undefined : crsByCode(`EPSG:${epsg}`);
  if (named) return { crs: named };

  if (['GEOGCS', 'GEOGCRS', 'GEODCRS'].includes(root.keyword)) {
    const datum = datumOf(root);
    if (datum === 'cgcs2000') return { crs: crsByCode('EPSG:4490')! };
    if (datum === 'wgs84') return { crs: crsByCode('EPSG:4326')! };
    if (datum === 'beijing1954' || datum === 'xian1980') return { problem: OLD_DATUM };
    return { problem: unknownDatum(root) };
  }
  if (!['PROJCS', 'PROJCRS'].includes(root.keyword)) return { problem: `不认识的坐标系类型 ${root.keyword}` };

  const geog = child(root, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS');
  const datum = datumOf(geog);
  if (datum === 'beijing1954' || datum === 'xian1980') return { problem: OLD_DATUM };
  const method = squash(`${nameOf(child(root, 'PROJECTION'))} ${nameOf(child(child(root, 'CONVERSION') ?? root, 'METHOD'))}`);
  if (/mercatorauxiliarysphere|pseudomercator|popularvisualisation/.test(method) || /webmercator/.test(squash(nameOf(root)))) {
    return { crs: crsByCode('EPSG:3857')! };
  }
  if (datum === 'cgcs2000' && /gausskruger|transversemercator/.test(method)) {
    const p = parametersOf(root);
    const zone = gaussKrugerSrid(p, squash(nameOf(root)).includes('6degree'));
    if (zone) return { crs: crsByCode(`EPSG:${zone}`)! };
  }
  if (!geog || (datum !== 'cgcs2000' && datum !== 'wgs84')) return { problem: unknownDatum(geog) };
  return fromParameters(root, geog, method);
}

function unknownDatum(geog: WktNode | undefined): string {
  const datum = geog && child(geog, 'DATUM', 'GEODETICDATUM', 'ENSEMBLE');
  const name = nameOf(datum) || nameOf(geog) || '未注明';
  return `.prj 中的大地基准“${name}”不是 CGCS2000 或 WGS84，不知道如何换算到 CGCS2000`;
}

/** Projection methods we convert from their parameters, by squashed WKT name → PROJ. */
const METHODS: Array<[RegExp, 'tmerc' | 'aea' | 'lcc']> = [
  [/gausskr(u|ue)ger|transversemercator/, 'tmerc'],
  [/albers/, 'aea'],
  [/lambertconformalconic/, 'lcc'],
];

/**
 * A projected system no EPSG code we know names (a county's own Gauss–Krüger meridian, UTM, an
 * Albers or Lambert map projection) on CGCS2000 or WGS84, which agree to well under a metre.
 * PostGIS is handed a PROJ string we build from the parameters, never the file's own text: PROJ
 * refuses texts it cannot read, and the embedded PostGIS does not survive that (the statement
 * silently returns nothing, and after a few such refusals every statement fails). So what we
 * cannot express for certain is not guessed at: the user is asked.
 */
function fromParameters(root: WktNode, geog: WktNode, method: string): CrsDetection {
  const kind = METHODS.find(([pattern]) => pattern.test(method))?.[1];
  const shown = nameOf(child(root, 'PROJECTION')) || nameOf(child(child(root, 'CONVERSION') ?? root, 'METHOD')) || '未注明';
  const refused = { problem: `.prj 中的投影方式“${shown}”不能自动换算` };
  if (!kind) return refused;
  const primem = child(geog, 'PRIMEM', 'PRIMEMERIDIAN')?.values[1];
  if (primem !== undefined && primem !== 0) return { problem: '.prj 的起始子午线不是格林尼治，不能自动换算' };
  const { cm = 0, fe = 0, fn = 0, k = 1, lat0 = 0, sp1, sp2 } = parametersOf(root);
  const toMetre = linearUnit(root);
  const latitude = (v: number) => Number.isFinite(v) && Math.abs(v) <= 90;
  const numbers = [cm, fe, fn, k, lat0, toMetre, ...(sp1 === undefined ? [] : [sp1]), ...(sp2 === undefined ? [] : [sp2])];
  if (!numbers.every(Number.isFinite) || Math.abs(cm) > 180 || !latitude(lat0) || k <= 0 || k > 10 || toMetre <= 0) return refused;
  const ellps = datumOf(geog) === 'cgcs2000' ? 'GRS80' : 'WGS84';
  let projection: string;
  if (kind === 'tmerc') projection = `+proj=tmerc +lat_0=${lat0} +lon_0=${cm} +k=${k}`;
  else {
    // Lambert with one standard parallel (1SP) has its scale at the latitude of origin.
    const [p1, p2] = kind === 'lcc' && sp1 === undefined ? [lat0, lat0] : [sp1, sp2 ?? sp1];
    if (p1 === undefined || p2 === undefined || !latitude(p1) || !latitude(p2) || Math.abs(p1 + p2) < 1e-9 || Math.abs(p1) === 90 || Math.abs(p2) === 90) return refused;
    projection = `+proj=${kind} +lat_0=${lat0} +lon_0=${cm} +lat_1=${p1} +lat_2=${p2}${kind === 'lcc' && sp1 === undefined ? ` +k_0=${k}` : ''}`;
  }
  const units = toMetre === 1 ? '+units=m' : `+to_meter=${toMetre}`;
  return { crs: { code: 'PRJ', srid: null, name: nameOf(root) || '文件自带坐标系', geographic: false, proj: `${projection} +x_0=${fe} +y_0=${fn} +ellps=${ellps} ${units} +no_defs` } };
}

/** Metres per unit of a projected system's coordinates (WKT1 UNIT, WKT2 LENGTHUNIT); metres when unsaid. */
function linearUnit(root: WktNode): number {
  const unit =
    child(root, 'UNIT', 'LENGTHUNIT') ??
    children(root)
      .filter((c) => c.keyword === 'AXIS')
      .flatMap(children)
      .find((c) => c.keyword === 'LENGTHUNIT');
  const factor = unit?.values[1];
  return typeof factor === 'number' ? factor : 1;
}

/**
 * The EPSG code of a CGCS2000 Gauss–Krüger zone from its parameters: central meridian, and a
 * false easting of 500 km, or of the zone number × 1,000 km + 500 km.
 */
export function gaussKrugerSrid(p: Record<string, number>, sixDegree = false): number | undefined {
  const { cm, fe, fn = 0, k = 1, lat0 = 0 } = p;
  if (cm === undefined || fe === undefined || fn !== 0 || Math.abs(k - 1) > 1e-9 || lat0 !== 0) return undefined;
  if (!Number.isInteger(cm) || cm < 75 || cm > 135) return undefined;
  if (fe === 500_000) {
    if (sixDegree && (cm - 75) % 6 === 0) return 4502 + (cm - 75) / 6;
    if (cm % 3 === 0) return 4534 + (cm - 75) / 3;
    return undefined;
  }
  const zone = Math.floor(fe / 1_000_000);
  if (fe !== zone * 1_000_000 + 500_000) return undefined;
  if (zone * 3 === cm && zone >= 25 && zone <= 45) return 4513 + zone - 25;
  if (zone * 6 - 3 === cm && zone >= 13 && zone <= 23) return 4491 + zone - 13;
  return undefined;
}

/** A GeoJSON `crs` member's name ('EPSG:4490', 'urn:ogc:def:crs:EPSG::4547', 'urn:ogc:def:crs:OGC:1.3:CRS84'). */
export function crsFromGeoJsonName(name: string): Crs | undefined {
  if (/CRS84$/i.test(name)) return crsByCode('EPSG:4326');
  const m = /EPSG:{1,2}(\d+)$/i.exec(name);
  return m ? crsByCode(`EPSG:${m[1]}`) : undefined;
}

/**
 * Systems worth offering first when a file does not say, judged from its coordinates: degrees,
 * an 8-digit easting that carries its zone number, a 6-digit easting (zone from where the import
 * goes) or metres of Web Mercator.
 */
export function suggestCrs(extent: readonly [number, number, number, number] | null, regionLongitude: number | null): string[] {
  if (!extent) return [];
  const [x0, y0, x1, y1] = extent;
  if (x0 >= -180 && x1 <= 180 && y0 >= -90 && y1 <= 90) return ['EPSG:4490', 'EPSG:4326'];
  const out: string[] = [];
  const northings = y0 > 0 && y1 < 7e6;
  if (northings && x0 > 0 && x1 < 1e6 && regionLongitude !== null) {
    const cm = Math.round(regionLongitude / 3) * 3;
    if (cm >= 75 && cm <= 135) out.push(`EPSG:${4534 + (cm - 75) / 3}`);
  }
  const zone = Math.floor(x0 / 1e6);
  if (northings && zone === Math.floor(x1 / 1e6)) {
    if (zone >= 25 && zone <= 45) out.push(`EPSG:${4513 + zone - 25}`);
    if (zone >= 13 && zone <= 23) out.push(`EPSG:${4491 + zone - 13}`);
  }
  // China in Web Mercator metres: x about 8.1–15.2 million, y about 0.3–7.2 million.
  if (x0 >= 8e6 && x1 <= 15.3e6 && y0 >= 0 && y1 <= 7.3e6) out.push('EPSG:3857');
  return out;
}
