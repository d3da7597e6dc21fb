/**
 * `Content-Disposition: attachment` for a Chinese file name: an ASCII fallback for old clients
 * and the real name as RFC 5987 `filename*` (UTF-8, percent-encoded), which every current
 * browser uses.
 */
export function attachment(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7E]+/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** Percent-encodes everything outside RFC 5987 attr-char (encodeURIComponent leaves ' ( ) * ! alone). */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A date stamp for file names, in China time: 20261123. */
export function dateStamp(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replaceAll('-', '');
}
