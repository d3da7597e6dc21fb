/**
 * What a clicked feature shows, per layer and in order: the label of each raw attribute and the
 * code table that names coded values (地类 0111 → 乔木林地). Keys not listed are not shown;
 * `extra` (source attributes kept as they came) is appended as is.
 */
export interface DetailField {
  key: string;
  label: string;
  codeDomain?: string;
}

export const DETAIL_FIELDS: Record<string, readonly DetailField[]> = {
  sub_compartments: [
    { key: 'compartment', label: '林班号' },
    { key: 'number', label: '小班号' },
    { key: 'land_class', label: '地类', codeDomain: 'land_class' },
    { key: 'forest_category', label: '森林类别', codeDomain: 'forest_category' },
    { key: 'public_welfare_grade', label: '事权等级', codeDomain: 'public_welfare_grade' },
    { key: 'protection_grade', label: '公益林保护等级', codeDomain: 'protection_grade' },
    { key: 'origin', label: '起源', codeDomain: 'origin' },
    { key: 'dominant_species', label: '优势树种', codeDomain: 'dominant_species' },
    { key: 'age_group', label: '龄组', codeDomain: 'age_group' },
    { key: 'canopy_density', label: '郁闭度' },
    { key: 'stock_per_ha', label: '每公顷蓄积（立方米）' },
    { key: 'stock_total', label: '小班蓄积（立方米）' },
    { key: 'ownership', label: '林地所有权', codeDomain: 'ownership' },
    { key: 'survey_year', label: '调查年度' },
    { key: 'dataset', label: '数据来源' },
  ],
  grids: [
    { key: 'code', label: '网格编码' },
    { key: 'name', label: '网格名称' },
    { key: 'ranger_name', label: '护林员' },
    { key: 'plan_name', label: '网格方案' },
    { key: 'note', label: '备注' },
  ],
  regions: [
    { key: 'code', label: '区划代码' },
    { key: 'name', label: '名称' },
    { key: 'level_name', label: '级别' },
  ],
  responsibility_areas: [
    { key: 'name', label: '责任区域' },
    { key: 'chief_name', label: '林长' },
    { key: 'post_type', label: '职务' },
    { key: 'post_title', label: '职务名称' },
  ],
  risk_areas: [
    { key: 'kind', label: '类型', codeDomain: 'risk_area_kind' },
    { key: 'name', label: '名称' },
    { key: 'note', label: '备注' },
    { key: 'dataset', label: '数据来源' },
  ],
  key_routes: [
    { key: 'name', label: '名称' },
    { key: 'length_m', label: '长度（米）' },
    { key: 'dataset', label: '数据来源' },
  ],
  reference_features: [
    { key: 'layer_name', label: '参考图层' },
    { key: 'name', label: '名称' },
  ],
};

export const REGION_LEVEL_NAMES: Record<number, string> = { 1: '省', 2: '市', 3: '县（区）', 4: '乡镇（街道）', 5: '村（社区）' };
