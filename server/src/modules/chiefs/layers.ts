import { bands, rowId, storedArea } from '../../platform/layers/attributes.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { levelOfCode, regionAttributes } from '../regions/layers.ts';
import { importAreas } from './repository.ts';

/** The holder of the area's post and the post's name, read through the post (correlated, so an area never disappears behind a join). */
const post = (column: string) => `(select ${column} from posts po join persons pe on pe.id = po.person_id join post_types pt on pt.code = po.post_type where po.id = f.post_id)`;

/**
 * 林长责任区域: the land a chief answers for. Drawn, and imported, by the office that appoints
 * chiefs (people.write): saying what land a chief answers for is part of appointing them.
 */
export const responsibilityAreasLayer: LayerDeclaration = {
  id: 'responsibility_areas',
  title: '林长责任区域',
  table: 'responsibility_areas',
  geometry: 'polygon',
  idSql: 'f.id',
  regionColumn: 'region_code',
  listOrder: 5,
  permissions: { read: 'map.read', write: 'people.write' },
  attributes: {
    id: rowId('责任区域ID'),
    name: { label: '名称', sql: 'f.name', type: 'string', column: 'name', exportAs: 'MC' },
    level: { label: '林长级别', sql: levelOfCode('f.region_code'), type: 'integer' },
    post_id: { label: '林长职务ID', sql: 'f.post_id', type: 'integer', exportAs: 'ZW_ID' },
    chief_name: { label: '林长', sql: post('pe.name'), type: 'string', exportAs: 'LZ_XM' },
    chief_post: { label: '林长职务', sql: post('coalesce(po.title, pt.name_zh)'), type: 'string', exportAs: 'LZ_ZW' },
    ...regionAttributes(),
    ...storedArea('面积', { ha: 'MJ_GQ', mu: 'MJ_MU' }),
  },
  tiles: {
    attributes: ['name', 'level', 'region_code'],
    zooms: bands(8, ['name', 'level', 'region_code']),
    maxZoom: 16,
    buffer: 64,
    label: { attribute: 'name', fromZoom: 11 },
  },
  details: { title: 'name', fields: ['name', 'chief_name', 'chief_post'] },
  export: {
    title: '责任区域',
    file: 'zerenqy',
    key: 'id',
    fields: ['id', 'name', 'post_id', 'chief_name', 'chief_post', 'region_code', 'region_name', 'area_ha', 'area_mu'],
  },
  import: {
    fields: [{ attribute: 'name', kind: { type: 'text', max: 100 } }],
    placesByFeature: false,
    naturalKey: [],
    unmapped: null,
    options: ['postId'],
    write: importAreas,
  },
};
