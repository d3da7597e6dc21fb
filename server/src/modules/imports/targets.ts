import type { Permission } from '../../platform/auth/permissions.ts';
import type { FieldKind, ImportCounts, ImportOption, ImportWrite, LayerDeclaration } from '../../platform/layers/declaration.ts';
import type { Tx } from '../../db/scoped.ts';
import { LAYERS } from '../layers.ts';
import type { ImportTarget } from './tables.ts';

export type { FieldKind } from '../../platform/layers/declaration.ts';

/**
 * What files can be imported into: the layers whose declaration (modules/layers.ts) says how,
 * seen the way the import machinery needs them. This module reads the registry directly, like
 * ModuleDeps.layers is the same registry, so that its many pure helpers need no parameter for it.
 */

/** One of our fields a file column can be mapped onto. */
export interface TargetField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
}

/** What the user must choose besides the mapping, per target. */
export type TargetOption = ImportOption;

export interface TargetSpec {
  target: ImportTarget;
  label: string;
  /** Who may import into it: the layer's write permission. */
  permission: Permission;
  /** The geometry the layer holds; anything else in the file is rejected row by row. */
  shape: 'polygon' | 'line' | 'point' | 'any';
  fields: TargetField[];
  /**
   * Fields that identify a row across imports (re-importing updates it); otherwise the dataset is
   * replaced. 'region_code' stands for the region the row is placed in.
   */
  naturalKey: readonly string[];
  /** Where file columns nobody mapped are kept, if anywhere. */
  unmapped: 'extra' | 'properties' | null;
  options: readonly TargetOption[];
  /** Whether the region comes from the features (codes or location) rather than from a chosen post. */
  placesByFeature: boolean;
  /** The owning module's write of the accepted rows. */
  write: (tx: Tx, w: ImportWrite) => Promise<ImportCounts>;
}

/** Where a feature lies, when the file says so: 县/乡/村 code columns any layer placed by feature accepts. */
const REGION_FIELDS: TargetField[] = [
  { name: 'county_code', label: '县级区划代码', kind: { type: 'region', level: 'county' } },
  { name: 'township_code', label: '乡镇区划代码', kind: { type: 'region', level: 'township' } },
  { name: 'village_code', label: '村级区划代码', kind: { type: 'region', level: 'village' } },
];

const SHAPE: Record<LayerDeclaration['geometry'], TargetSpec['shape']> = { polygon: 'polygon', line: 'line', point: 'point', mixed: 'any' };

function targetOf(layer: LayerDeclaration): TargetSpec {
  const declared = layer.import!;
  const fields = declared.fields.map((f): TargetField => {
    const a = layer.attributes[f.attribute]!;
    return {
      name: f.attribute,
      label: a.unit ? `${a.label}（${a.unit}）` : a.label,
      kind: a.codeDomain ? { type: 'code', domain: a.codeDomain } : f.kind!,
      ...(f.required ? { required: true } : {}),
    };
  });
  return {
    target: layer.id as ImportTarget,
    label: layer.title,
    permission: layer.permissions.write!,
    shape: SHAPE[layer.geometry],
    fields: declared.placesByFeature ? [...fields, ...REGION_FIELDS] : fields,
    naturalKey: declared.naturalKey,
    unmapped: declared.unmapped,
    options: declared.options,
    placesByFeature: declared.placesByFeature,
    write: declared.write,
  };
}

export const TARGETS = Object.fromEntries(LAYERS.importable.map((l) => [l.id, targetOf(l)])) as Record<ImportTarget, TargetSpec>;

export const IMPORT_TARGETS = LAYERS.importable.map((l) => l.id as ImportTarget);

/** The geometry types a target accepts, and how to say what it wants. */
export const SHAPE_TYPES: Record<TargetSpec['shape'], { types: readonly string[]; label: string }> = {
  polygon: { types: ['Polygon', 'MultiPolygon'], label: '面' },
  line: { types: ['LineString', 'MultiLineString'], label: '线' },
  point: { types: ['Point', 'MultiPoint'], label: '点' },
  any: { types: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'], label: '点、线或面' },
};

export const GEOMETRY_TYPE_NAMES: Record<string, string> = {
  Point: '点',
  MultiPoint: '多点',
  LineString: '线',
  MultiLineString: '多线',
  Polygon: '面',
  MultiPolygon: '多面',
  GeometryCollection: '几何集合',
};
