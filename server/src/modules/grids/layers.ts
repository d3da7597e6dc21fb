import { sql } from 'kysely';
import { Type } from 'typebox';
import { notFound } from '../../platform/errors/app-error.ts';
import { bands, column, note, rowId, storedArea } from '../../platform/layers/attributes.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import type { TileFilter } from '../../platform/tiles/layer-spec.ts';
import { findPlans } from '../plans/repository.ts';
import { regionAttributes } from '../regions/layers.ts';
import { importGrids, searchGrids } from './repository.ts';

/** Without a plan, the grids of the active plans the caller can see (one per county). */
const ACTIVE_PLANS = sql`f.plan_id in (select p.id from grid_plans p where p.status = 'active')`;
const plan = (column: string) => `(select ${column} from grid_plans p where p.id = f.plan_id)`;
const ranger = (column: string) => `(select ${column} from posts po join persons pe on pe.id = po.person_id where po.id = f.ranger_post_id)`;

/** 护林网格: the grids of a plan, each guarded by one ranger. */
export const gridsLayer: LayerDeclaration = {
  id: 'grids',
  title: '护林网格',
  table: 'grids',
  geometry: 'polygon',
  idSql: 'f.id',
  regionColumn: 'region_code',
  listOrder: 2,
  permissions: { read: 'map.read', write: 'grids.write' },
  attributes: {
    id: rowId('网格ID'),
    plan_id: { label: '网格方案', sql: 'f.plan_id', type: 'integer', exportAs: 'FA_ID', exportHeader: '方案ID' },
    plan_name: { label: '网格方案', sql: plan('p.name'), type: 'string', exportAs: 'FA_MC' },
    plan_year: { label: '方案年度', sql: plan('p.year'), type: 'integer', exportAs: 'FA_ND' },
    plan_status: { label: '方案状态', sql: plan('p.status'), type: 'string' },
    plan_status_name: {
      label: '方案状态',
      sql: plan("case p.status when 'draft' then '草稿' when 'active' then '启用' else '已归档' end"),
      type: 'string',
      exportAs: 'FA_ZT',
    },
    code: column('code', '网格编号', { exportAs: 'WG_BH' }),
    name: column('name', '网格名称', { exportAs: 'WG_MC' }),
    ...regionAttributes(),
    ...storedArea('面积', { ha: 'MJ_GQ', mu: 'MJ_MU' }),
    has_ranger: { label: '已落实护林员', sql: 'f.ranger_post_id is not null', type: 'boolean' },
    ranger_post_id: { label: '护林员职务ID', sql: 'f.ranger_post_id', type: 'integer', exportAs: 'HLY_ZWID' },
    ranger_name: { label: '护林员', sql: ranger('pe.name'), type: 'string', exportAs: 'HLY_XM' },
    note: note(),
  },
  tiles: {
    attributes: ['code', 'name', 'has_ranger', 'region_code', 'plan_id'],
    zooms: bands(10, ['code', 'name', 'has_ranger', 'region_code', 'plan_id']),
    maxZoom: 16,
    buffer: 64,
    // Activating or archiving a plan changes which grids the default tiles draw.
    dependsOn: ['grids', 'grid_plans'],
    // A plan outside the caller's scope shows nothing.
    filter: ({ plan }): TileFilter => (plan === undefined ? { sql: ACTIVE_PLANS, key: 'plan=active' } : { sql: sql`f.plan_id = ${plan}`, key: `plan=${plan}` }),
    label: { attribute: 'name', fromZoom: 12 },
  },
  details: { title: 'name', fields: ['code', 'name', 'ranger_name', 'plan_name', 'note'], more: ['plan_id', 'plan_year', 'plan_status', 'ranger_post_id'] },
  search: { rank: 3, find: searchGrids },
  export: {
    title: '网格',
    file: 'wangge',
    key: 'id',
    fields: ['id', 'plan_id', 'plan_name', 'plan_year', 'plan_status_name', 'code', 'name', 'region_code', 'region_name', 'area_ha', 'area_mu', 'ranger_post_id', 'ranger_name', 'note'],
    filters: {
      planId: {
        schema: Type.Integer({ minimum: 1, description: '网格方案（仅 grids；不填为启用方案）' }),
        where: (v) => sql`f.plan_id = ${v}`,
        otherwise: ACTIVE_PLANS,
        describe: async (tx, v) => {
          const [found] = await findPlans(tx, { id: Number(v) });
          if (!found) throw notFound('网格方案', v);
          return `${found.year}年方案`;
        },
      },
    },
  },
  import: {
    fields: [
      { attribute: 'code', kind: { type: 'text', max: 40, pattern: /^[0-9A-Za-z_-]{1,40}$/, patternHint: '只能包含字母、数字、“-”和“_”' }, required: true },
      { attribute: 'name', kind: { type: 'text', max: 100 } },
      { attribute: 'note', kind: { type: 'text', max: 500 } },
    ],
    placesByFeature: true,
    naturalKey: ['code'],
    unmapped: null,
    options: ['planId'],
    write: importGrids,
  },
};
