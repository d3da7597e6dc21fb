import { AppError } from '../../../platform/errors/app-error.ts';
import { formatBytes } from '../../../platform/files/store.ts';

/**
 * How much of an upload the readers take, enforced while reading, never after.
 *
 * Shapefiles stream record by record: the upload limit (UPLOAD_MAX_MB) and a cap on everything a
 * zip inflates to (10 × the upload limit, against zip bombs) bound them. GeoJSON, KML and GPX are
 * text that must be parsed, so their inflated size has its own, lower cap, derived from
 * IMPORT_MAX_FEATURES: 1 MiB plus 4 KiB for each feature allowed (a sub-compartment outline of a
 * hundred vertices with its attributes is some 3 KB of GeoJSON), and at most
 * - 64 MiB for KML and GPX, which are parsed whole into a DOM (about ten times their size in
 *   memory) — larger files are asked to come as Shapefiles or in parts;
 * - 256 MiB for GeoJSON, which is read feature by feature (json-scan.ts); one feature may take at
 *   most 64 MiB.
 * The feature limit itself stops a text file at the first feature past it (GeoJSON while
 * scanning, KML and GPX by counting their elements before the DOM is built).
 */
export interface ReadLimits {
  maxUnzippedBytes: number;
  maxFeatures: number;
  /** Largest GeoJSON (`json`) or KML/GPX (`xml`) text, in bytes once inflated. */
  maxTextBytes: { json: number; xml: number };
  /** Longest one GeoJSON feature may be, in characters. */
  maxFeatureChars: number;
}

const MiB = 1024 * 1024;
export const TEXT_BASE_BYTES = MiB;
export const TEXT_BYTES_PER_FEATURE = 4 * 1024;
export const XML_MAX_BYTES = 64 * MiB;
export const JSON_MAX_BYTES = 256 * MiB;
export const FEATURE_MAX_CHARS = 64 * MiB;

export function readLimits(uploads: { maxBytes: number; maxFeatures: number }): ReadLimits {
  const maxUnzippedBytes = 10 * uploads.maxBytes;
  const derived = TEXT_BASE_BYTES + uploads.maxFeatures * TEXT_BYTES_PER_FEATURE;
  const json = Math.min(derived, JSON_MAX_BYTES, maxUnzippedBytes);
  return {
    maxUnzippedBytes,
    maxFeatures: uploads.maxFeatures,
    maxTextBytes: { json, xml: Math.min(derived, XML_MAX_BYTES, maxUnzippedBytes) },
    maxFeatureChars: Math.min(json, FEATURE_MAX_CHARS),
  };
}

export type TextKind = keyof ReadLimits['maxTextBytes'];

/** The text kind of a file extension the readers parse as text, if it is one. */
export function textKind(ext: string): TextKind | undefined {
  if (ext === 'geojson' || ext === 'json') return 'json';
  if (ext === 'kml' || ext === 'gpx') return 'xml';
  return undefined;
}

/** A text file over its cap: the message says what to do instead. */
export function textTooBig(name: string, limit: number): AppError {
  return new AppError('file_unreadable', {
    reason: `${name} 超过 ${formatBytes(limit)}（GeoJSON、KML、GPX 等文本格式解压后的上限），请拆成几个文件分别导入，或改用 Shapefile（.zip）导入`,
  });
}

export const tooManyFeatures = (limit: number) => new AppError('too_many_features', { limit });
