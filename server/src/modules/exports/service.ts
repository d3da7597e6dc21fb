import type { Geometry } from 'geojson';
import { loadExcel } from '../../platform/office/excel.ts';
import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { PRJ_CGCS2000 } from '../../platform/gis/prj.ts';
import { writeShapefileZip, type AttributeValue, type ShapefileLayer, type ShapeKind } from '../../platform/gis/shapefile-writer.ts';
import { dateStamp } from './content-disposition.ts';
import { EXPORT_LAYERS, type ExportFilter, type ExportLayer, type LayerId } from './layers.ts';

/**
 * Exports any layer, filtered, in the formats offices live in. Every query runs in the caller's
 * scope (data.export), so a township user's file holds their township and nothing else. Rows are
 * read in key order, a batch per short transaction, so a large GeoJSON streams without holding
 * the (single, when embedded) database connection for the whole download.
 */

export type ExportFormat = 'geojson' | 'shapefile' | 'xlsx';

/** Above this many features an export is refused; Shapefile and Excel are built in memory. */
export const MAX_EXPORT_FEATURES = 200_000;
const BATCH = 2000;

interface Row extends Record<string, unknown> {
  geometry: Geometry | null;
  gtype: string | null;
}

/** The layer, checked filters, the feature count and a file name; audited as `export.download`. */
export async function prepareExport(ctx: Context, layerId: LayerId, filter: ExportFilter, format: ExportFormat) {
  const layer = EXPORT_LAYERS[layerId];
  const unknown = (Object.keys(filter) as Array<keyof ExportFilter>).filter((k) => filter[k] !== undefined && !layer.filters.includes(k));
  if (unknown.length > 0) throw new AppError('invalid_value', { reason: `「${layer.title}」不支持筛选条件 ${unknown.join('、')}，可用：${layer.filters.join('、')}` });
  return ctx.run(async (tx) => {
    const scopeName = await describeFilter(tx, filter);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${layer.rows(filter)}) x`.execute(tx);
    const count = rows[0]!.n;
    if (count > MAX_EXPORT_FEATURES) throw new AppError('too_many_features', { limit: MAX_EXPORT_FEATURES });
    // Filed under the exported region (or the caller's own), so that region's auditors see who took its data.
    const regionCode = filter.regionCode ?? (ctx.roots === '*' ? null : (ctx.roots[0] ?? null));
    await recordEvent(tx, { action: 'export.download', entity: layer.id, regionCode, after: { format, filter: { ...filter }, count } });
    const extension = { geojson: 'geojson', shapefile: 'zip', xlsx: 'xlsx' }[format];
    return { layer, count, fileName: `${layer.title}-${scopeName}-${dateStamp()}.${extension}` };
  });
}

/** Names what the filter selects, and 404s on a region, plan or layer the caller cannot see. */
async function describeFilter(tx: Tx, filter: ExportFilter): Promise<string> {
  const parts: string[] = [];
  if (filter.regionCode) {
    const region = await tx.selectFrom('regions').select('name').where('code', '=', filter.regionCode).executeTakeFirst();
    if (!region) throw notFound('区划', filter.regionCode);
    parts.push(region.name);
  }
  if (filter.planId !== undefined) {
    const plan = await tx.selectFrom('grid_plans').select(['year']).where('id', '=', filter.planId).executeTakeFirst();
    if (!plan) throw notFound('网格方案', filter.planId);
    parts.push(`${plan.year}年方案`);
  }
  if (filter.layerId !== undefined) {
    const layer = await tx.selectFrom('reference_layers').select('name').where('id', '=', filter.layerId).executeTakeFirst();
    if (!layer) throw notFound('参考图层', filter.layerId);
    parts.push(layer.name);
  }
  return parts.length > 0 ? parts.join('-') : '辖区';
}

/** All rows in key order, one batch per transaction. */
async function* batches(ctx: Context, layer: ExportLayer, filter: ExportFilter): AsyncGenerator<Row[]> {
  let after: unknown = null;
  for (;;) {
    const rows: Row[] = await ctx.run(async (tx) => {
      const { rows } = await sql<Row>`
        select * from (${layer.rows(filter)}) x
         where ${after === null ? sql`true` : sql`x.${sql.ref(layer.key)} > ${after}`}
         order by x.${sql.ref(layer.key)} limit ${BATCH}`.execute(tx);
      return rows;
    });
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]![layer.key];
  }
}

function properties(layer: ExportLayer, row: Row): Record<string, AttributeValue> {
  return Object.fromEntries(layer.fields.map((f) => [f.name, toValue(row[f.name])]));
}

function toValue(v: unknown): AttributeValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** A GeoJSON FeatureCollection, written as it is read. */
export async function* geojson(ctx: Context, layer: ExportLayer, filter: ExportFilter): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","name":${JSON.stringify(layer.file)},"features":[`;
  let first = true;
  for await (const rows of batches(ctx, layer, filter)) {
    const text = rows.map((r) => JSON.stringify({ type: 'Feature', id: r[layer.key], properties: properties(layer, r), geometry: r.geometry })).join(',');
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
export async function shapefile(ctx: Context, layer: ExportLayer, filter: ExportFilter): Promise<Buffer> {
  const byKind = new Map<ShapeKind, ShapefileLayer['features']>();
  for await (const rows of batches(ctx, layer, filter)) {
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
  const layers: ShapefileLayer[] = [...byKind].map(([kind, features]) => ({
    name: byKind.size > 1 ? `${layer.file}_${kind}` : layer.file,
    kind,
    features,
    encoding: 'utf-8',
    prj: PRJ_CGCS2000,
    fields: features.length === 0 ? layer.fields.map((f) => ({ name: f.name, type: 'C' as const, size: 1 })) : undefined,
  }));
  return writeShapefileZip(layers);
}

/** DBF text fields hold at most 254 bytes: cut long text on a character boundary. */
function dbfProperties(layer: ExportLayer, row: Row): Record<string, AttributeValue> {
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
export async function xlsx(ctx: Context, layer: ExportLayer, filter: ExportFilter): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Linzhang 林长制平台';
  const sheet = book.addWorksheet(layer.title);
  sheet.columns = layer.fields.map((f) => ({ header: f.header, key: f.name, width: Math.max(10, f.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for await (const rows of batches(ctx, layer, filter)) {
    for (const r of rows) sheet.addRow(properties(layer, r));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
