import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error.ts';

/**
 * Content-addressed file storage under DATA_DIR/files: a file is named by its SHA-256, so
 * storing the same bytes twice is free and a retried upload never duplicates. Bytes are
 * counted while streaming and the upload is refused the moment it passes the limit.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(source: Readable, maxBytes: number): Promise<{ sha256: string; size: number; path: string }> {
    await fsp.mkdir(path.join(this.root, 'incoming'), { recursive: true });
    const temp = path.join(this.root, 'incoming', randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new AppError('payload_too_large', { limit: formatBytes(maxBytes) }));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, fs.createWriteStream(temp));
      // Busboy marks a file cut at its size limit instead of failing the stream.
      if ((source as Readable & { truncated?: boolean }).truncated) throw new AppError('payload_too_large', { limit: formatBytes(maxBytes) });
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    await fsp.mkdir(path.dirname(final), { recursive: true });
    await fsp.rename(temp, final);
    return { sha256, size, path: final };
  }

  async exists(sha256: string): Promise<boolean> {
    return fsp.access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  read(sha256: string): Readable {
    return fs.createReadStream(this.pathOf(sha256));
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

const IMAGE_SIGNATURES: Array<{ type: string; bytes: number[] }> = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
];

/** The image type by its first bytes, never by the name or header the client sent. */
export async function sniffImage(file: string): Promise<string | undefined> {
  const handle = await fsp.open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return IMAGE_SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type;
  } finally {
    await handle.close();
  }
}
