import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DBFFile, type FieldDescriptor } from 'dbffile';
import type { Geometry, Position } from 'geojson';
import iconv from 'iconv-lite';
import { ZipFile } from 'yazl';

/**
 * Writes Shapefiles: .shp/.shx geometry by hand (a small, fixed binary layout) and the .dbf
 * through `dbffile` with any iconv encoding, plus .prj and .cpg. `@mapbox/shp-write` writes
 * DBF text one byte per character, which breaks Chinese attributes.
 */

export type ShapeKind = 'point' | 'line' | 'polygon';
export type AttributeValue = string | number | null;

export interface ShapefileLayer {
  /** File base name inside the zip. */
  name: string;
  kind: ShapeKind;
  /** Coordinates as they should appear in the file (already in the CRS the .prj names). */
  features: Array<{ geometry: Geometry | null; properties: Record<string, AttributeValue> }>;
  /** DBF field names must be ≤ 10 ASCII characters; values are encoded with `encoding`. */
  encoding: 'utf-8' | 'gbk';
  prj: string;
  /** Leave out to infer from the values. */
  fields?: FieldDescriptor[];
}

const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5 };

/** Writes each layer's .shp/.shx/.dbf/.prj/.cpg into one zip and returns its bytes. */
export async function writeShapefileZip(layers: readonly ShapefileLayer[]): Promise<Buffer> {
  const zip = new ZipFile();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linzhang-shp-'));
  try {
    for (const layer of layers) {
      const { shp, shx } = encodeGeometry(layer.kind, layer.features.map((f) => f.geometry));
      zip.addBuffer(shp, `${layer.name}.shp`);
      zip.addBuffer(shx, `${layer.name}.shx`);
      zip.addBuffer(await encodeDbf(dir, layer), `${layer.name}.dbf`);
      zip.addBuffer(Buffer.from(layer.prj), `${layer.name}.prj`);
      zip.addBuffer(Buffer.from(layer.encoding === 'gbk' ? 'GBK' : 'UTF-8'), `${layer.name}.cpg`);
    }
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function encodeDbf(dir: string, layer: ShapefileLayer): Promise<Buffer> {
  const file = path.join(dir, `${layer.name}.dbf`);
  const encoding = layer.encoding === 'gbk' ? 'gbk' : 'utf8';
  const fields = layer.fields ?? inferFields(layer.features.map((f) => f.properties), encoding);
  const dbf = await DBFFile.create(file, fields, { encoding });
  const records = layer.features.map((f) => Object.fromEntries(fields.map((field) => [field.name, f.properties[field.name] ?? null])));
  for (let i = 0; i < records.length; i += 1000) await dbf.appendRecords(records.slice(i, i + 1000));
  return fs.readFile(file);
}

/** Text fields sized to the longest encoded value (≤ 254 bytes); numbers as N(18, 6) or N(12, 0). */
export function inferFields(rows: ReadonlyArray<Record<string, AttributeValue>>, encoding: string): FieldDescriptor[] {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return names.map((name) => {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(name)) throw new Error(`DBF field name must be ≤ 10 ASCII characters: ${name}`);
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    if (values.length > 0 && values.every((v) => typeof v === 'number')) {
      const integers = values.every((v) => Number.isInteger(v));
      return integers ? { name, type: 'N', size: 12, decimalPlaces: 0 } : { name, type: 'N', size: 18, decimalPlaces: 6 };
    }
    const longest = Math.max(1, ...values.map((v) => iconv.encode(String(v), encoding).length));
    return { name, type: 'C', size: Math.min(254, longest) };
  });
}

function encodeGeometry(kind: ShapeKind, geometries: ReadonlyArray<Geometry | null>): { shp: Buffer; shx: Buffer } {
  const records = geometries.map((g) => encodeShape(kind, g));
  const box = records.reduce<[number, number, number, number] | null>((b, r) => (r.box ? union(b, r.box) : b), null) ?? [0, 0, 0, 0];
  const shpLength = 100 + records.reduce((s, r) => s + 8 + r.content.length, 0);
  const shp = Buffer.alloc(shpLength);
  const shx = Buffer.alloc(100 + 8 * records.length);
  writeHeader(shp, shpLength, SHAPE_TYPE[kind], box);
  writeHeader(shx, shx.length, SHAPE_TYPE[kind], box);
  let offset = 100;
  records.forEach((r, i) => {
    shx.writeInt32BE(offset / 2, 100 + i * 8);
    shx.writeInt32BE(r.content.length / 2, 104 + i * 8);
    shp.writeInt32BE(i + 1, offset);
    shp.writeInt32BE(r.content.length / 2, offset + 4);
    r.content.copy(shp, offset + 8);
    offset += 8 + r.content.length;
  });
  return { shp, shx };
}

function writeHeader(buf: Buffer, byteLength: number, shapeType: number, [x0, y0, x1, y1]: [number, number, number, number]) {
  buf.writeInt32BE(9994, 0);
  buf.writeInt32BE(byteLength / 2, 24);
  buf.writeInt32LE(1000, 28);
  buf.writeInt32LE(shapeType, 32);
  buf.writeDoubleLE(x0, 36);
  buf.writeDoubleLE(y0, 44);
  buf.writeDoubleLE(x1, 52);
  buf.writeDoubleLE(y1, 60);
}

type Box = [number, number, number, number];
const union = (a: Box | null, b: Box): Box => (a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : b);

function encodeShape(kind: ShapeKind, geometry: Geometry | null): { content: Buffer; box: Box | null } {
  const parts = geometry ? partsOf(kind, geometry) : [];
  if (parts.length === 0) {
    const empty = Buffer.alloc(4); // null shape
    return { content: empty, box: null };
  }
  if (kind === 'point') {
    const [x, y] = parts[0]![0]!;
    const content = Buffer.alloc(20);
    content.writeInt32LE(1, 0);
    content.writeDoubleLE(x!, 4);
    content.writeDoubleLE(y!, 12);
    return { content, box: [x!, y!, x!, y!] };
  }
  const points = parts.flat();
  const box = points.reduce<Box>((b, [x, y]) => [Math.min(b[0], x!), Math.min(b[1], y!), Math.max(b[2], x!), Math.max(b[3], y!)], [Infinity, Infinity, -Infinity, -Infinity]);
  const content = Buffer.alloc(44 + 4 * parts.length + 16 * points.length);
  content.writeInt32LE(SHAPE_TYPE[kind], 0);
  box.forEach((v, i) => content.writeDoubleLE(v, 4 + i * 8));
  content.writeInt32LE(parts.length, 36);
  content.writeInt32LE(points.length, 40);
  let start = 0;
  parts.forEach((p, i) => {
    content.writeInt32LE(start, 44 + i * 4);
    start += p.length;
  });
  const base = 44 + 4 * parts.length;
  points.forEach(([x, y], i) => {
    content.writeDoubleLE(x!, base + i * 16);
    content.writeDoubleLE(y!, base + i * 16 + 8);
  });
  return { content, box };
}

/** The point lists a shape is made of; polygon rings turned the Shapefile way (outer clockwise, holes counter-clockwise). */
function partsOf(kind: ShapeKind, g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return kind === 'point' ? [[g.coordinates]] : [];
    case 'MultiPoint':
      return kind === 'point' ? g.coordinates.slice(0, 1).map((c) => [c]) : [];
    case 'LineString':
      return kind === 'line' ? [g.coordinates] : [];
    case 'MultiLineString':
      return kind === 'line' ? g.coordinates : [];
    case 'Polygon':
      return kind === 'polygon' ? orientRings(g.coordinates) : [];
    case 'MultiPolygon':
      return kind === 'polygon' ? g.coordinates.flatMap(orientRings) : [];
    case 'GeometryCollection':
      return g.geometries.flatMap((child) => partsOf(kind, child));
  }
}

function orientRings(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = signedArea(ring) < 0;
    const wantClockwise = i === 0;
    return clockwise === wantClockwise ? ring : [...ring].reverse();
  });
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}
