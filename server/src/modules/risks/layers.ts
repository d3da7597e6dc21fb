import { sql } from 'kysely';
import { Type } from 'typebox';
import { bands, coded, column, dataset, note, rowId } from '../../platform/layers/attributes.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { regionAttributes } from '../regions/layers.ts';
import { importKeyRoutes, importRiskAreas } from './repository.ts';

/** 重点区域: points, lines or polygons that need closer patrols, of a kind from the code table risk_area_kind. */
export const riskAreasLayer: LayerDeclaration = {
  id: 'risk_areas',
  title: '重点区域',
  table: 'risk_areas',
  geometry: 'mixed',
  idSql: 'f.id',
  regionColumn: 'region_code',
  listOrder: 3,
  permissions: { read: 'map.read', write: 'grids.write' },
  attributes: {
    id: rowId('重点区域ID'),
    kind: coded('kind', '类型', { code: 'LX', name: 'LX_MC' }, 'risk_area_kind'),
    name: column('name', '名称', { exportAs: 'MC' }),
    ...regionAttributes(),
    area_ha: {
      label: '面积',
      unit: '公顷',
      sql: "case when geometrytype(f.geom) like '%POLYGON' then round((st_area(f.geom::geography) / 10000)::numeric, 4) end",
      type: 'number',
      exportAs: 'MJ_GQ',
    },
    length_m: {
      label: '长度',
      unit: '米',
      sql: "case when geometrytype(f.geom) like '%LINESTRING' then round(st_length(f.geom::geography)::numeric, 1) end",
      type: 'number',
      exportAs: 'CD_M',
    },
    note: note(),
    dataset: dataset(),
  },
  tiles: { attributes: ['kind', 'name', 'region_code'], zooms: bands(10, ['kind', 'name', 'region_code']), maxZoom: 16, buffer: 64, label: { attribute: 'name', fromZoom: 14 } },
  details: { title: 'name', fields: ['kind', 'name', 'note', 'dataset'] },
  export: {
    file: 'zhongdianqy',
    key: 'id',
    fields: ['id', 'kind', 'name', 'region_code', 'region_name', 'area_ha', 'length_m', 'note', 'dataset'],
    filters: { kind: { schema: Type.String({ maxLength: 40, description: '重点区域类型（仅 risk_areas）' }), where: (v) => sql`f.kind = ${v}` } },
  },
  import: {
    fields: [{ attribute: 'kind' }, { attribute: 'name', kind: { type: 'text', max: 100 } }, { attribute: 'note', kind: { type: 'text', max: 500 } }],
    placesByFeature: true,
    naturalKey: [],
    unmapped: null,
    options: ['kind'],
    write: importRiskAreas,
  },
};

/** 重点线路: the routes a grid's patrols must follow, measured on the ellipsoid. */
export const keyRoutesLayer: LayerDeclaration = {
  id: 'key_routes',
  title: '重点线路',
  table: 'key_routes',
  geometry: 'line',
  idSql: 'f.id',
  regionColumn: 'region_code',
  listOrder: 4,
  permissions: { read: 'map.read', write: 'grids.write' },
  attributes: {
    id: rowId('重点线路ID'),
    name: column('name', '名称', { exportAs: 'MC' }),
    ...regionAttributes(),
    length_m: { label: '长度', unit: '米', sql: 'f.length_m', type: 'number', exportAs: 'CD_M' },
    dataset: dataset(),
  },
  // Named along the line from the features themselves: no label points.
  tiles: { attributes: ['name', 'length_m', 'region_code'], zooms: bands(10, ['name', 'length_m', 'region_code']), maxZoom: 16, buffer: 64 },
  details: { title: 'name', fields: ['name', 'length_m', 'dataset'] },
  export: { file: 'zhongdianxl', key: 'id', fields: ['id', 'name', 'region_code', 'region_name', 'length_m', 'dataset'] },
  import: {
    fields: [{ attribute: 'name', kind: { type: 'text', max: 100 } }],
    placesByFeature: true,
    naturalKey: [],
    unmapped: null,
    options: [],
    write: importKeyRoutes,
  },
};
