import type { Geometry } from 'geojson';
import type { Tx } from '../../db/scoped.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { PRJ_CGCS2000 } from '../../platform/gis/prj.ts';
import { writeShapefileZip, type AttributeValue, type ShapefileLayer, type ShapeKind } from '../../platform/gis/shapefile-writer.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { exportFields } from '../../platform/layers/sql.ts';
import { loadExcel } from '../../platform/office/excel.ts';
import { findRegion } from '../regions/repository.ts';
import { dateStamp } from './content-disposition.ts';
import * as repo from './repository.ts';
import type { ExportFormat } from './schema.ts';

/**
 * Exports any declared layer (modules/layers.ts), filtered, in the formats offices live in: the
 * declaration says which fields, under which names and headers. Every query runs in the caller's
 * scope (data.export), so a township user's file holds their township and nothing else. Rows are
 * read in key order, a batch per short transaction, so a large GeoJSON streams without holding
 * the (single, when embedded) database connection for the whole download.
 */


/** Above this many features an export is refused; Shapefile and Excel are built in memory. */
export const MAX_EXPORT_FEATURES = 200_000;
const BATCH = 2000;

/** The filters of an export request, by query parameter (regionCode and the layer's own). */
export type ExportFilter = Record<string, string | number | undefined>;

/** An export being written: the layer and the filters it was checked with. */
export interface ExportJob {
  layer: LayerDeclaration;
  filter: ExportFilter;
}

/** Every filter name a layer's export accepts, the region first. */
export const filterNames = (layer: LayerDeclaration) => ['regionCode', ...Object.keys(layer.export!.filters ?? {})];

/** The export's title: its own, else the layer's. */
export const exportTitle = (layer: LayerDeclaration) => layer.export!.title ?? layer.title;

/** The layer, checked filters, the feature count and a file name; audited as `export.download`. */
export async function prepareExport(ctx: Context, layer: LayerDeclaration, filter: ExportFilter, format: ExportFormat) {
  const allowed = filterNames(layer);
  const unknown = Object.keys(filter).filter((k) => filter[k] !== undefined && !allowed.includes(k));
  if (unknown.length > 0) throw new AppError('invalid_value', { reason: `「${exportTitle(layer)}」不支持筛选条件 ${unknown.join('、')}，可用：${allowed.join('、')}` });
  const job = { layer, filter };
  return ctx.run(async (tx) => {
    const scopeName = await describeFilter(tx, job);
    const count = await repo.countRows(tx, layer, filter);
    if (count > MAX_EXPORT_FEATURES) throw new AppError('too_many_features', { limit: MAX_EXPORT_FEATURES });
    // Filed under the exported region (or the caller's own), so that region's auditors see who took its data.
    const regionCode = (filter.regionCode as string | undefined) ?? (ctx.roots === '*' ? null : (ctx.roots[0] ?? null));
    await recordEvent(tx, { action: 'export.download', entity: layer.id, regionCode, after: { format, filter: { ...filter }, count } });
    const extension = { geojson: 'geojson', shapefile: 'zip', xlsx: 'xlsx' }[format];
    return { job, count, fileName: `${exportTitle(layer)}-${scopeName}-${dateStamp()}.${extension}` };
  });
}

/** Names what the filter selects, and 404s on a region, plan or layer the caller cannot see. */
async function describeFilter(tx: Tx, { layer, filter }: ExportJob): Promise<string> {
  const parts: string[] = [];
  if (filter.regionCode !== undefined) {
    const region = await findRegion(tx, String(filter.regionCode));
    if (!region) throw notFound('区划', String(filter.regionCode));
    parts.push(region.name);
  }
  for (const [name, declared] of Object.entries(layer.export!.filters ?? {})) {
    const value = filter[name];
    if (value !== undefined && declared.describe) parts.push(await declared.describe(tx, value));
  }
  return parts.length > 0 ? parts.join('-') : '辖区';
}

/** All rows in key order, one batch per transaction. */
async function* batches(ctx: Context, { layer, filter }: ExportJob): AsyncGenerator<repo.Row[]> {
  let after: unknown = null;
  for (;;) {
    const rows = await ctx.run((tx) => repo.batchAfter(tx, layer, filter, after, BATCH));
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.lz_key;
  }
}

function properties(layer: LayerDeclaration, row: repo.Row): Record<string, AttributeValue> {
  return Object.fromEntries(exportFields(layer).map((f) => [f.name, toValue(row[f.name])]));
}

function toValue(v: unknown): AttributeValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** A GeoJSON FeatureCollection, written as it is read. */
export async function* geojson(ctx: Context, job: ExportJob): AsyncGenerator<string> {
  const { layer } = job;
  yield `{"type":"FeatureCollection","name":${JSON.stringify(layer.export!.file)},"features":[`;
  let first = true;
  for await (const rows of batches(ctx, job)) {
    const text = rows.map((r) => JSON.stringify({ type: 'Feature', id: r.lz_key, properties: properties(layer, r), geometry: r.geometry })).join(',');
    yield first ? text : `,${text}`;
    first = false;
  }
  yield ']}';
}

const KIND: Record<string, ShapeKind> = {
  POINT: 'point',
  MULTIPOINT: 'point',
  LINESTRING: 'line',
  MULTILINESTRING: 'line',
  POLYGON: 'polygon',
  MULTIPOLYGON: 'polygon',
};

/**
 * A zipped Shapefile (UTF-8 .dbf with .cpg, CGCS2000 .prj). A Shapefile holds one geometry type,
 * so a layer mixing points, lines and polygons (risk areas) becomes one file set per type.
 */
export async function shapefile(ctx: Context, job: ExportJob): Promise<Buffer> {
  const { layer } = job;
  const byKind = new Map<ShapeKind, ShapefileLayer['features']>();
  for await (const rows of batches(ctx, job)) {
    for (const r of rows) {
      const kind = KIND[r.gtype ?? ''] ?? 'polygon';
      const features = byKind.get(kind) ?? [];
      const props = dbfProperties(layer, r);
      // A point Shapefile holds one point per record: a multipoint becomes one record per point.
      const geometries: Array<Geometry | null> = r.geometry?.type === 'MultiPoint' ? r.geometry.coordinates.map((c) => ({ type: 'Point', coordinates: c })) : [r.geometry];
      for (const geometry of geometries) features.push({ geometry, properties: props });
      byKind.set(kind, features);
    }
  }
  if (byKind.size === 0) byKind.set('polygon', []);
  const file = layer.export!.file;
  const layers: ShapefileLayer[] = [...byKind].map(([kind, features]) => ({
    name: byKind.size > 1 ? `${file}_${kind}` : file,
    kind,
    features,
    encoding: 'utf-8',
    prj: PRJ_CGCS2000,
    fields: features.length === 0 ? exportFields(layer).map((f) => ({ name: f.name, type: 'C' as const, size: 1 })) : undefined,
  }));
  return writeShapefileZip(layers);
}

/** DBF text fields hold at most 254 bytes: cut long text on a character boundary. */
function dbfProperties(layer: LayerDeclaration, row: repo.Row): Record<string, AttributeValue> {
  const props = properties(layer, row);
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'string' && Buffer.byteLength(v) > 254) props[k] = truncateBytes(v, 254);
  }
  return props;
}

export function truncateBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}

/** The attributes as an Excel sheet with Chinese headers (no geometry). */
export async function xlsx(ctx: Context, job: ExportJob): Promise<Buffer> {
  const { layer } = job;
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Linzhang 林长制平台';
  const sheet = book.addWorksheet(exportTitle(layer));
  sheet.columns = exportFields(layer).map((f) => ({ header: f.header, key: f.name, width: Math.max(10, f.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for await (const rows of batches(ctx, job)) {
    for (const r of rows) sheet.addRow(properties(layer, r));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
