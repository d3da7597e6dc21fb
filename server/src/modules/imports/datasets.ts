import path from 'node:path';

/**
 * The dataset (数据集) an import replaces when the user names none. Layers without a natural key
 * (risk areas, key routes, reference features, responsibility areas) replace the rows the same
 * dataset brought before, so the default must name the source layer: re-importing it replaces,
 * whatever the copy is called now; another layer of the same zip is another dataset.
 *
 * 1. The same content (same SHA-256) imported into the same kind of layer before: the dataset its
 *    layer got then — a file renamed on the desktop is still the same file.
 * 2. Otherwise the file name without what a second copy gets added, plus the layer's name when the
 *    file has a layer of another name (a zip of several Shapefiles): `巡护线路.zip · 东线`.
 */

/**
 * What browsers, file managers and chat tools add to a second copy: `x (1).kml` (browsers,
 * Windows), `x(1).kml` and `x（1）.kml` (WeChat, QQ), `x - 副本.kml` / `x - Copy (2).kml` (Windows
 * Explorer), `x 副本 2.kml` / `x copy 2.kml` (macOS). Several may pile up.
 */
const COPY_SUFFIX = /(?:\s*[(（]\d{1,3}[)）]|\s*-\s*(?:副本|copy)|\s+(?:副本|copy)(?:\s+\d{1,3})?)+$/iu;

const MAX = 100;
const SEPARATOR = ' · ';
const LAYER_MAX = 40;

/** A file name as it was before it was copied or downloaded again: `重点区域 - 副本 (2).kml` → `重点区域.kml`. */
export function originalFileName(fileName: string): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  const clean = stem.replace(COPY_SUFFIX, '').trim();
  return (clean || stem) + ext;
}

/** The default dataset of one layer of an uploaded file; `earlier` maps layer names to the datasets the same content got before. */
export function defaultDataset(fileName: string, layer: string, earlier?: Readonly<Record<string, string>>): string {
  const known = earlier?.[layer];
  if (known) return known;
  const file = originalFileName(fileName);
  const stem = path.parse(file).name;
  // A GeoJSON, KML or GPX file's one layer is named after the file (copy suffix and all).
  const ownLayer = layer.replace(COPY_SUFFIX, '').trim() === stem || layer === path.parse(fileName).name;
  if (ownLayer || layer === '') return cut(file, MAX);
  const part = cut(layer, LAYER_MAX);
  return `${cut(file, MAX - SEPARATOR.length - [...part].length)}${SEPARATOR}${part}`;
}

/** At most `n` characters, never splitting a surrogate pair. */
function cut(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : chars.slice(0, n).join('');
}
