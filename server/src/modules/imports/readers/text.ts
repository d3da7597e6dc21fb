import fs from 'node:fs';
import iconv from 'iconv-lite';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodesAs, decodeText, type TextEncoding } from '../encoding.ts';

/**
 * GeoJSON, KML and GPX are UTF-8 by their standards; an XML prolog may say GBK, and a file that
 * is not valid UTF-8 but is valid GBK (some desktop tools write that) is read as GBK rather than
 * refused.
 */
const NOT_TEXT = () => new AppError('file_unreadable', { reason: '文件不是 UTF-8 或 GBK 编码的文本' });
const CHUNK = 1024 * 1024;

/** Reads a whole (size-capped) text file: KML and GPX, which are parsed into a DOM anyway. */
export async function readText(file: string): Promise<string> {
  const bytes = await fs.promises.readFile(file);
  const prolog = /^\s*<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'));
  const declared = prolog?.[1]?.toLowerCase();
  if (declared && /^(gbk|gb2312|gb18030|cp936)$/.test(declared)) return decodeText(bytes, 'gbk');
  if (decodesAs(bytes, 'utf-8')) return decodeText(bytes, 'utf-8');
  if (decodesAs(bytes, 'gbk')) return decodeText(bytes, 'gbk');
  throw NOT_TEXT();
}

/** The encoding of a text file read in chunks: UTF-8 if every byte fits, else GBK if every byte fits that. */
export async function textEncodingOf(file: string): Promise<TextEncoding> {
  if (await fitsThroughout(file, 'utf-8')) return 'utf-8';
  if (await fitsThroughout(file, 'gbk')) return 'gbk';
  throw NOT_TEXT();
}

async function fitsThroughout(file: string, encoding: TextEncoding): Promise<boolean> {
  try {
    for await (const text of decodedChunks(file, encoding)) void text;
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** The file's text, decoded strictly, a megabyte at a time (a character split between chunks is kept whole). */
export async function* decodedChunks(file: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = strictDecoder(encoding);
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  try {
    for await (const bytes of stream) yield decoder.write(bytes as Buffer);
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    stream.destroy();
  }
}

function strictDecoder(encoding: TextEncoding): { write(bytes: Buffer): string; end(): string } {
  if (encoding === 'utf-8') {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const decode = (bytes?: Buffer) => {
      try {
        return bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode();
      } catch {
        throw NOT_TEXT();
      }
    };
    return { write: (bytes) => decode(bytes), end: () => decode() };
  }
  // GB18030 decodes every GBK sequence and reports the rest as U+FFFD (encoding.ts).
  const gbk = iconv.getDecoder('gb18030');
  const checked = (text: string) => {
    if (text.includes('\uFFFD')) throw NOT_TEXT();
    return text;
  };
  return { write: (bytes) => checked(gbk.write(bytes)), end: () => checked(gbk.end() ?? '') };
}
