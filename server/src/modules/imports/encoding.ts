import iconv from 'iconv-lite';

/**
 * Text encodings of DBF attribute tables. Chinese offices' files are GBK unless a `.cpg` says
 * UTF-8; a wrong guess silently garbles every name, so decoding here is strict: bytes that are
 * not valid in the chosen encoding are an error, never replacement characters.
 */
export const TEXT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const ENCODING_NAMES: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', gbk: 'GBK' };

export class UndecodableText extends Error {
  constructor(readonly encoding: TextEncoding) {
    super(`not ${encoding}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes strictly; throws UndecodableText when the bytes are not valid in `encoding`. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (encoding === 'utf-8') {
    try {
      return utf8.decode(bytes);
    } catch {
      throw new UndecodableText(encoding);
    }
  }
  // GB18030 decodes every GBK sequence and reports the rest as U+FFFD.
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (text.includes('\uFFFD')) throw new UndecodableText(encoding);
  return text;
}

export function decodesAs(bytes: Uint8Array, encoding: TextEncoding): boolean {
  try {
    decodeText(bytes, encoding);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/** The encoding a `.cpg` names; null when it names none we read (e.g. 'OEM'). */
export function encodingFromCpg(text: string): TextEncoding | null {
  const name = text.trim().toUpperCase().replace(/[\s_-]/g, '');
  if (['UTF8', '65001'].includes(name)) return 'utf-8';
  if (['GBK', 'CP936', '936', 'ANSI936', 'GB2312', 'GB18030', 'CP54936', '54936'].includes(name)) return 'gbk';
  return null;
}

/** The DBF header's language driver byte: 0x4D (GB2312) and 0x7A (PRC GBK) mean code page 936. */
export function encodingFromLanguageDriver(byte: number): TextEncoding | null {
  return byte === 0x4d || byte === 0x7a ? 'gbk' : null;
}

/**
 * Guesses from sample bytes (text values and field names). Valid UTF-8 with any non-ASCII byte is
 * almost never GBK by accident, so UTF-8 wins when it fits; then GBK; pure ASCII decodes either way.
 */
export function detectEncoding(samples: readonly Uint8Array[]): { encoding: TextEncoding | null; asciiOnly: boolean } {
  const nonAscii = samples.filter((s) => !isAscii(s));
  if (nonAscii.length === 0) return { encoding: 'utf-8', asciiOnly: true };
  for (const encoding of TEXT_ENCODINGS) if (nonAscii.every((s) => decodesAs(s, encoding))) return { encoding, asciiOnly: false };
  return { encoding: null, asciiOnly: false };
}
