import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ImportFormat } from '../tables.ts';
import { geoJsonLayer, parsedLayer, type ParsedLayer } from './geojson.ts';
import { textKind, textTooBig, type ReadLimits, type TextKind } from './limits.ts';
import { shapefileLayer, type ShapefileParts } from './shapefile.ts';
import { readText } from './text.ts';
import type { LayerSource } from './types.ts';
import { parseGpx, parseKml } from './xml.ts';
import { extractZip, type ExtractedFile } from './zip.ts';

export interface OpenedUpload {
  format: ImportFormat;
  layers: LayerSource[];
}

const unsupported = () =>
  new AppError('file_unreadable', { reason: '不支持的文件格式，请上传 Shapefile 压缩包（.zip）、GeoJSON、KML、KMZ 或 GPX 文件' });

/**
 * Opens an uploaded file by what its bytes are, not by its name: a zip (Shapefile parts, or a
 * KMZ), GeoJSON, KML or GPX. Zips are extracted into `workDir`, which the caller removes. The
 * limits (limits.ts) are enforced while inflating and reading.
 */
export async function openUpload(file: string, fileName: string, workDir: string, limits: ReadLimits): Promise<OpenedUpload> {
  const head = await readHead(file);
  const title = path.parse(fileName).name || fileName;
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) {
    const cap = (ext: string) => {
      const kind = textKind(ext);
      return kind && limits.maxTextBytes[kind];
    };
    return fromZip(await extractZip(file, workDir, limits.maxUnzippedBytes, cap), title, limits);
  }
  if (head.length >= 4 && head.readInt32BE(0) === 9994) {
    throw new AppError('file_unreadable', { reason: 'Shapefile 须把 .shp、.shx、.dbf、.prj（和 .cpg）一起打包成 .zip 上传' });
  }
  const start = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (start.startsWith('{')) {
    await checkSize(file, fileName, 'json', limits);
    return { format: 'geojson', layers: [geoJsonLayer(file, title, limits)] };
  }
  if (start.startsWith('<')) {
    const root = xmlRoot(start);
    if (root === 'kml' || root === 'gpx') {
      await checkSize(file, fileName, 'xml', limits);
      const parse = root === 'kml' ? parseKml : parseGpx;
      return { format: root, layers: [parsedLayer(parse(await readText(file), title, limits.maxFeatures))] };
    }
  }
  throw unsupported();
}

/** A text file uploaded as it is (not zipped): its size against the cap of its kind. */
async function checkSize(file: string, fileName: string, kind: TextKind, limits: ReadLimits): Promise<void> {
  const { size } = await fs.stat(file);
  if (size > limits.maxTextBytes[kind]) throw textTooBig(fileName, limits.maxTextBytes[kind]);
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first element's local name, past the XML declaration, comments and a DOCTYPE. */
function xmlRoot(text: string): string | undefined {
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  const m = /<([A-Za-z_][\w.:-]*)/.exec(body);
  return m?.[1]?.split(':').pop()?.toLowerCase();
}

async function fromZip(files: ExtractedFile[], title: string, limits: ReadLimits): Promise<OpenedUpload> {
  const byStem = new Map<string, Map<string, ExtractedFile>>();
  for (const f of files) {
    const key = f.stem.toLowerCase();
    if (!byStem.has(key)) byStem.set(key, new Map());
    byStem.get(key)!.set(f.ext, f);
  }
  const shps = files.filter((f) => f.ext === 'shp');
  if (shps.length > 0) {
    const layers = shps.map((shp) => {
      const parts = byStem.get(shp.stem.toLowerCase())!;
      const name = path.posix.basename(shp.stem);
      const dbf = parts.get('dbf');
      if (!dbf) throw new AppError('file_unreadable', { reason: `压缩包中缺少 ${name}.dbf 属性表文件` });
      const layer: ShapefileParts = { name, shp: shp.path, dbf: dbf.path };
      for (const ext of ['shx', 'prj', 'cpg'] as const) {
        const p = parts.get(ext);
        if (p) layer[ext] = p.path;
      }
      return shapefileLayer(layer);
    });
    return { format: 'shapefile', layers };
  }
  const dbf = files.find((f) => f.ext === 'dbf');
  if (dbf) throw new AppError('file_unreadable', { reason: `压缩包中缺少 .shp 图形文件（只找到 ${path.posix.basename(dbf.name)}）` });
  const pick = (ext: string) => files.find((f) => f.ext === ext);
  // A text part over its cap was not inflated past it; that matters only when it is the one read.
  const whole = (f: ExtractedFile) => {
    if (f.truncatedAt !== undefined) throw textTooBig(path.posix.basename(f.name), f.truncatedAt);
    return f;
  };
  const kml = files.find((f) => path.posix.basename(f.name).toLowerCase() === 'doc.kml') ?? pick('kml');
  if (kml) return { format: 'kmz', layers: [parsedLayer(parseKml(await readText(whole(kml).path), title, limits.maxFeatures))] };
  const json = pick('geojson') ?? pick('json');
  if (json) return { format: 'geojson', layers: [geoJsonLayer(whole(json).path, path.posix.basename(json.stem), limits)] };
  const gpx = pick('gpx');
  if (gpx) return { format: 'gpx', layers: [parsedLayer(withName(parseGpx(await readText(whole(gpx).path), title, limits.maxFeatures), gpx))] };
  throw new AppError('file_unreadable', { reason: '压缩包中没有可导入的文件（.shp、.kml、.geojson 或 .gpx）' });
}

const withName = (layer: ParsedLayer, file: ExtractedFile): ParsedLayer => ({ ...layer, name: path.posix.basename(file.stem) });
