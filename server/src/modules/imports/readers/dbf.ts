import fs from 'node:fs/promises';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeText, ENCODING_NAMES, UndecodableText, type TextEncoding } from '../encoding.ts';
import type { SourceValue } from '../values.ts';

/**
 * A small dBASE (.dbf) reader that hands text over as raw bytes until the encoding is decided.
 * The `shapefile` package decodes DBF text leniently (a wrong encoding becomes silent mojibake),
 * and importing garbled 小班 names is worse than refusing: see encoding.ts.
 */

export interface DbfField {
  /** Raw name bytes: Chinese field names are encoded like the values. */
  rawName: Uint8Array;
  type: string;
  length: number;
  decimals: number;
  offset: number;
}

export interface DbfHeader {
  recordCount: number;
  headerLength: number;
  recordLength: number;
  languageDriver: number;
  fields: DbfField[];
}

export type RawRecord = { deleted: boolean; values: Array<Uint8Array | SourceValue> };

const unreadable = (why: string) => new AppError('file_unreadable', { reason: `.dbf 属性表${why}` });

export class DbfReader {
  private position = 0;
  private constructor(
    private readonly handle: fs.FileHandle,
    readonly header: DbfHeader,
  ) {}

  static async open(file: string): Promise<DbfReader> {
    const handle = await fs.open(file, 'r');
    try {
      return new DbfReader(handle, await readHeader(handle));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Up to `n` records from where the last call stopped; text fields stay bytes. */
  async next(n: number): Promise<RawRecord[]> {
    const { headerLength, recordLength, recordCount, fields } = this.header;
    const count = Math.min(n, recordCount - this.position);
    if (count <= 0) return [];
    const buffer = Buffer.alloc(count * recordLength);
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, headerLength + this.position * recordLength);
    if (bytesRead < buffer.length) throw unreadable(`不完整：应有 ${recordCount} 条记录，只读到 ${this.position + Math.floor(bytesRead / recordLength)} 条`);
    this.position += count;
    const out: RawRecord[] = [];
    for (let r = 0; r < count; r++) {
      const record = buffer.subarray(r * recordLength, (r + 1) * recordLength);
      out.push({ deleted: record[0] === 0x2a, values: fields.map((f) => fieldValue(record.subarray(f.offset, f.offset + f.length), f)) });
    }
    return out;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

async function readHeader(handle: fs.FileHandle): Promise<DbfHeader> {
  const head = Buffer.alloc(32);
  const { bytesRead } = await handle.read(head, 0, 32, 0);
  if (bytesRead < 32) throw unreadable('太短，不是有效的 dBASE 文件');
  const recordCount = head.readUInt32LE(4);
  const headerLength = head.readUInt16LE(8);
  const recordLength = head.readUInt16LE(10);
  if (headerLength < 33 || recordLength < 1) throw unreadable('文件头损坏');
  const descriptors = Buffer.alloc(headerLength - 32);
  await handle.read(descriptors, 0, descriptors.length, 32);
  const fields: DbfField[] = [];
  let offset = 1; // the deletion flag comes first
  for (let i = 0; i + 32 <= descriptors.length && descriptors[i] !== 0x0d; i += 32) {
    const d = descriptors.subarray(i, i + 32);
    const end = d.indexOf(0);
    const rawName = Uint8Array.from(d.subarray(0, end >= 0 && end < 11 ? end : 11));
    const field = { rawName, type: String.fromCharCode(d[11]!).toUpperCase(), length: d[16]!, decimals: d[17]!, offset };
    fields.push(field);
    offset += field.length;
  }
  if (fields.length === 0) throw unreadable('没有字段');
  if (offset > recordLength) throw unreadable('字段长度与记录长度不符');
  return { recordCount, headerLength, recordLength, languageDriver: head[29]!, fields };
}

/** Text stays bytes (decoded later, strictly); numbers, logicals and dates are read now. */
function fieldValue(bytes: Buffer, field: DbfField): Uint8Array | SourceValue {
  switch (field.type) {
    case 'C':
    case 'V':
      return trimBytes(bytes);
    case 'N':
    case 'F': {
      const text = bytes.toString('latin1').replace(/\0/g, '').trim();
      if (text === '' || /^\*+$/.test(text)) return null;
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    case 'I':
      return bytes.length >= 4 ? bytes.readInt32LE(0) : null;
    case 'L': {
      const c = String.fromCharCode(bytes[0] ?? 0x3f).toUpperCase();
      return 'TY'.includes(c) ? true : 'FN'.includes(c) ? false : null;
    }
    case 'D': {
      const text = bytes.toString('latin1').trim();
      return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : null;
    }
    default:
      return null; // memo and binary fields live in other files we do not read
  }
}

/** Text fields are padded with spaces (or NULs from some writers) on the right. */
function trimBytes(bytes: Buffer): Uint8Array {
  let start = 0;
  let end = bytes.length;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x00)) end--;
  while (start < end && bytes[start] === 0x20) start++;
  return Uint8Array.from(bytes.subarray(start, end));
}

/** Decodes a record's text fields; names the row when the bytes are not in `encoding`. */
export function decodeRecord(record: RawRecord, encoding: TextEncoding, row: number): SourceValue[] {
  try {
    return record.values.map((v) => (v instanceof Uint8Array ? decodeText(v, encoding) : v));
  } catch (error) {
    if (error instanceof UndecodableText) throw new AppError('encoding_mismatch', { encoding: ENCODING_NAMES[encoding], where: `第 ${row} 行`, row });
    throw error;
  }
}

/** Field names decoded like the values; a repeated name gets a suffix so no column hides another. */
export function decodeFieldNames(header: DbfHeader, encoding: TextEncoding): string[] {
  const seen = new Set<string>();
  return header.fields.map((f) => {
    let name: string;
    try {
      name = decodeText(f.rawName, encoding).trim();
    } catch {
      throw new AppError('encoding_mismatch', { encoding: ENCODING_NAMES[encoding], where: '字段名' });
    }
    let unique = name;
    for (let i = 2; seen.has(unique); i++) unique = `${name}_${i}`;
    seen.add(unique);
    return unique;
  });
}
