import { ApiError, withQuery, type Query } from './api.ts';
import { i18n } from './i18n.ts';

/** The file name a `Content-Disposition: attachment` header gives: `filename*` (RFC 5987) first. */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed encoding: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header);
  return plain?.[1] || fallback;
}

/**
 * Downloads a file the API builds (Excel, Shapefile zip, GeoJSON, CSV) and hands it to the
 * browser under the server's Chinese file name. Fetched rather than followed as a link, so that a
 * refusal (no permission, too many features) is shown as the server's message instead of being
 * saved as a file. Returns the file name.
 */
export async function downloadFile(path: string, query: Query = {}, fallbackName = 'download'): Promise<string> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (!response.ok) {
    let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const shaped = body?.error;
    if (shaped && typeof shaped.code === 'string' && typeof shaped.message === 'string') {
      const details = shaped.details && typeof shaped.details === 'object' ? (shaped.details as Record<string, unknown>) : {};
      throw new ApiError(response.status, shaped.code, shaped.message, details);
    }
    throw new ApiError(response.status, 'bad_response', i18n.t('errors.badResponse', { status: response.status }));
  }
  const name = attachmentName(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start saving before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
