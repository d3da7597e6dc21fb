import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../../platform/errors/app-error.ts';
import { formatBytes } from '../../../platform/files/store.ts';
import { decodesAs, decodeText } from '../encoding.ts';

/** A file taken out of an uploaded zip: its name inside the zip and where it now lies on disk. */
export interface ExtractedFile {
  /** Path inside the zip, decoded (Windows tools write GBK names without saying so). */
  name: string;
  /** `name` without its extension: a Shapefile's parts share it. */
  stem: string;
  /** Lower-case extension without the dot. */
  ext: string;
  path: string;
  /** Set when the part was longer than the cap it had (text formats): inflating stopped there, and `path` holds nothing. */
  truncatedAt?: number;
}

/** Inflating a part stopped at its own cap. */
class OverCap extends Error {}

/** Only these parts are ever read; anything else in the zip is skipped unread. */
const WANTED = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'kml', 'geojson', 'json', 'gpx']);
const MAX_ENTRIES = 10_000;

const broken = (why: string) => new AppError('file_unreadable', { reason: `压缩包已损坏或不完整（${why}），请重新打包后上传` });

/**
 * Extracts the parts we read into `dir`, under generated names (so no entry name can point
 * outside it), counting bytes as they are inflated: a zip bomb stops at `maxBytes`. A part with
 * a cap of its own (`capOf`, for text formats) stops inflating at it and is marked truncated; it
 * is an error only if it is the part read (a Shapefile zip may carry a large GeoJSON copy).
 */
export async function extractZip(file: string, dir: string, maxBytes: number, capOf: (ext: string) => number | undefined = () => undefined): Promise<ExtractedFile[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw broken((error as Error).message);
  }
  const out: ExtractedFile[] = [];
  let total = 0;
  let count = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (++count > MAX_ENTRIES) throw new AppError('file_unreadable', { reason: `压缩包中的文件超过 ${MAX_ENTRIES} 个` });
      const name = entryName(entry);
      if (name.endsWith('/') || name.startsWith('__MACOSX/') || path.posix.basename(name).startsWith('._')) continue;
      const ext = path.posix.extname(name).slice(1).toLowerCase();
      if (!WANTED.has(ext)) continue;
      if (entry.isEncrypted()) throw new AppError('file_unreadable', { reason: `压缩包中的 ${name} 已加密，请解密后重新打包` });
      const target = path.join(dir, `${out.length}.${ext}`);
      const cap = capOf(ext);
      let inflated = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          total += chunk.length;
          inflated += chunk.length;
          if (total > maxBytes) return done(new AppError('file_unreadable', { reason: `解压后超过 ${formatBytes(maxBytes)} 的上限` }));
          if (cap !== undefined && inflated > cap) return done(new OverCap());
          done(null, chunk);
        },
      });
      const part = { name, stem: name.slice(0, name.length - ext.length - 1), ext, path: target };
      try {
        await pipeline(await zip.openReadStreamPromise(entry), meter, fs.createWriteStream(target));
        out.push(part);
      } catch (error) {
        if (!(error instanceof OverCap)) throw error;
        await fs.promises.rm(target, { force: true });
        out.push({ ...part, truncatedAt: cap });
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw broken((error as Error).message);
  } finally {
    zip.close();
  }
  return out;
}

/** Zip names are UTF-8 when flagged; otherwise whatever the packing tool's locale was (GBK in China). */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  const utf8Flag = (entry.generalPurposeBitFlag & 0x800) !== 0;
  const encoding = utf8Flag || decodesAs(raw, 'utf-8') ? 'utf-8' : decodesAs(raw, 'gbk') ? 'gbk' : null;
  const name = encoding ? decodeText(raw, encoding) : raw.toString('latin1');
  return name.replaceAll('\\', '/');
}
