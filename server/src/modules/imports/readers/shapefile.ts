import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import * as shapefile from 'shapefile';
import { AppError } from '../../../platform/errors/app-error.ts';
import { detectPrj } from '../crs.ts';
import {
  detectEncoding,
  encodingFromCpg,
  encodingFromLanguageDriver,
  ENCODING_NAMES,
  TEXT_ENCODINGS,
  decodesAs,
  type TextEncoding,
} from '../encoding.ts';
import type { SourceValue } from '../values.ts';
import { DbfReader, decodeFieldNames, decodeRecord, type DbfHeader, type RawRecord } from './dbf.ts';
import { describeFields, SAMPLE_FEATURES, type CrsFinding, type EncodingFinding, type LayerInfo, type LayerSource, type SourceFeature } from './types.ts';

/** The parts of one Shapefile layer found in a zip. */
export interface ShapefileParts {
  name: string;
  shp: string;
  dbf: string;
  shx?: string;
  prj?: string;
  cpg?: string;
}

const SHAPE_TYPES: Record<number, string> = { 0: '空', 1: 'Point', 3: 'LineString', 5: 'Polygon', 8: 'MultiPoint' };

export function shapefileLayer(parts: ShapefileParts): LayerSource {
  return {
    name: parts.name,
    inspect: (encoding) => inspectShapefile(parts, encoding),
    features: (encoding) => readShapefile(parts, encoding),
  };
}

async function inspectShapefile(parts: ShapefileParts, choice?: TextEncoding): Promise<LayerInfo> {
  const header = await readShpHeader(parts.shp);
  const dbf = await DbfReader.open(parts.dbf);
  try {
    const sample = await dbf.next(SAMPLE_FEATURES);
    const encoding = await findEncoding(parts, dbf.header, sample, choice);
    const names = decodeLenient(dbf.header, encoding.used);
    const rows = sample.filter((r) => !r.deleted).map((r, i) => (encoding.used ? decodeRecord(r, encoding.used, i + 1) : r.values.map(lenient)));
    const warnings: string[] = [];
    if (!parts.shx) warnings.push(`缺少 ${parts.name}.shx 索引文件（不影响导入）`);
    const shxCount = parts.shx ? ((await fs.stat(parts.shx)).size - 100) / 8 : undefined;
    if (shxCount !== undefined && shxCount !== dbf.header.recordCount) {
      warnings.push(`.shp 有 ${shxCount} 个图形，.dbf 有 ${dbf.header.recordCount} 条记录，多出的部分不导入`);
    }
    return {
      name: parts.name,
      featureCount: dbf.header.recordCount,
      geometryTypes: [SHAPE_TYPES[header.shapeType % 10] ?? `类型 ${header.shapeType}`],
      extent: header.shapeType === 0 ? null : header.extent,
      fields: describeFields(names, rows),
      crs: await findCrs(parts),
      encoding,
      warnings,
    };
  } finally {
    await dbf.close();
  }
}

async function* readShapefile(parts: ShapefileParts, encoding: TextEncoding | null): AsyncIterable<SourceFeature> {
  const dbf = await DbfReader.open(parts.dbf);
  const shapes = await shapefile.openShp(parts.shp);
  try {
    const names = encoding ? decodeFieldNames(dbf.header, encoding) : decodeLenient(dbf.header, null);
    let row = 0;
    for (;;) {
      const records = await dbf.next(500);
      if (records.length === 0) return;
      for (const record of records) {
        row++;
        const shape = await shapes.read();
        if (shape.done) return;
        if (record.deleted) continue;
        const values = encoding ? decodeRecord(record, encoding, row) : record.values.map(lenient);
        const properties: Record<string, SourceValue> = {};
        names.forEach((n, i) => (properties[n] = values[i] ?? null));
        yield { row, geometry: shape.value ?? null, properties };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('file_unreadable', { reason: `${parts.name}.shp 图形数据损坏（${(error as Error).message}）` });
  } finally {
    await Promise.all([dbf.close(), shapes.cancel()]);
  }
}

async function readShpHeader(file: string): Promise<{ shapeType: number; extent: [number, number, number, number] }> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(100);
    const { bytesRead } = await handle.read(head, 0, 100, 0);
    if (bytesRead < 100 || head.readInt32BE(0) !== 9994) throw new AppError('file_unreadable', { reason: '.shp 文件头损坏，不是有效的 Shapefile' });
    return { shapeType: head.readInt32LE(32), extent: [head.readDoubleLE(36), head.readDoubleLE(44), head.readDoubleLE(52), head.readDoubleLE(60)] };
  } finally {
    await handle.close();
  }
}

async function findCrs(parts: ShapefileParts): Promise<CrsFinding> {
  if (!parts.prj) return { crs: null, source: null, problem: `缺少 ${parts.name}.prj 文件，无法确定坐标系` };
  const text = (await fs.readFile(parts.prj, 'latin1')).trim();
  const found = detectPrj(text);
  const shown = text.slice(0, 1000);
  return 'crs' in found ? { crs: found.crs, source: 'prj', problem: null, text: shown } : { crs: null, source: 'prj', problem: found.problem, text: shown };
}

/**
 * The encoding to read with: the user's choice; else what `.cpg` or the DBF header declares, if
 * the sample decodes with it; else what the sample looks like. A declaration the bytes contradict
 * is not silently overridden: the user is asked.
 */
async function findEncoding(parts: ShapefileParts, header: DbfHeader, sample: RawRecord[], choice?: TextEncoding): Promise<EncodingFinding> {
  const cpg = parts.cpg ? encodingFromCpg(await fs.readFile(parts.cpg, 'latin1')) : null;
  const ldid = encodingFromLanguageDriver(header.languageDriver);
  const declared = cpg ?? ldid;
  const declaredBy = cpg ? 'cpg' : ldid ? 'ldid' : null;
  const texts = sample.map((r) => r.values.filter((v): v is Uint8Array => v instanceof Uint8Array));
  const names = header.fields.map((f) => f.rawName);
  const failsAt = Object.fromEntries(
    TEXT_ENCODINGS.map((e) => {
      if (!names.every((n) => decodesAs(n, e))) return [e, 0];
      const bad = texts.findIndex((values) => !values.every((v) => decodesAs(v, e)));
      return [e, bad < 0 ? null : bad + 1];
    }),
  ) as Record<TextEncoding, number | null>;
  const { encoding: detected } = detectEncoding([...names, ...texts.flat()]);
  const base = { declared, declaredBy, detected, failsAt } as const;
  if (choice) return { ...base, used: choice, source: 'choice', problem: null };
  if (declared && failsAt[declared] === null) return { ...base, used: declared, source: declaredBy, problem: null };
  if (declared) {
    const by = declaredBy === 'cpg' ? '.cpg 文件' : '.dbf 文件头';
    const looks = detected ? `，看起来是 ${ENCODING_NAMES[detected]}` : '';
    const where = failsAt[declared] === 0 ? '字段名' : `第 ${failsAt[declared]} 行的文字`;
    return { ...base, used: detected, source: null, problem: `${by}声明属性表为 ${ENCODING_NAMES[declared]} 编码，但${where}不是 ${ENCODING_NAMES[declared]}${looks}，请选择编码` };
  }
  if (detected) return { ...base, used: detected, source: 'detected', problem: null };
  return { ...base, used: null, source: null, problem: '无法识别属性表的文字编码，请选择编码（如 GBK 或 UTF-8）' };
}

/** For showing a table nothing decodes cleanly: GB18030 with replacement characters. */
const lenient = (v: Uint8Array | SourceValue): SourceValue => (v instanceof Uint8Array ? iconv.decode(Buffer.from(v), 'gb18030') : v);

function decodeLenient(header: DbfHeader, encoding: TextEncoding | null): string[] {
  if (encoding) return decodeFieldNames(header, encoding);
  return header.fields.map((f) => iconv.decode(Buffer.from(f.rawName), 'gb18030'));
}
