import type { TargetSpec } from './targets.ts';

/**
 * Field names real files use for our fields: the pinyin codes of the forest resource "one map"
 * (林草湿一张图 / 二类调查: XIAO_BAN, DI_LEI, YOU_SHI_SZ …, research/cn-platforms.md §3.1), their
 * common abbreviations, and the Chinese names desktop GIS users type. Compared after `normalise`.
 */
const KNOWN_NAMES: Record<string, readonly string[]> = {
  compartment: ['LIN_BAN', 'LB', 'LBH', 'LIN_BAN_H', 'LINBANHAO', '林班', '林班号', '林(草)班'],
  number: ['XIAO_BAN', 'XB', 'XBH', 'XIAO_BAN_H', 'XIAOBANHAO', '小班', '小班号'],
  county_code: ['XIAN', 'XIAN_DM', 'XDM', 'XIANDAIMA', '县', '县代码', '县级代码', '县区划代码'],
  township_code: ['XIANG', 'XIANG_DM', 'XZDM', 'XIANGDAIMA', '乡', '乡镇', '乡代码', '乡镇代码', '乡级代码'],
  village_code: ['CUN', 'CUN_DM', 'CDM', 'CUNDAIMA', '村', '村代码', '村级代码'],
  land_class: ['DI_LEI', 'DL', 'DILEI', '地类', '地类代码'],
  forest_category: ['SEN_LIN_LB', 'SLLB', 'SENLINLEIBIE', '森林类别'],
  public_welfare_grade: ['SHI_QUAN_D', 'SQDJ', 'SHIQUANDENGJI', '事权等级', '事权'],
  protection_grade: ['GJGYL_BHDJ', 'GYL_BHDJ', 'BHDJ_GYL', '公益林保护等级', '国家级公益林保护等级', '保护等级'],
  origin: ['QI_YUAN', 'QY', 'QIYUAN', '起源'],
  dominant_species: ['YOU_SHI_SZ', 'YSSZ', 'YOUSHISHUZHONG', '优势树种', '优势树种组', '优势树(灌)种', '优势树（灌）种'],
  age_group: ['LING_ZU', 'LINGZU', '龄组'],
  canopy_density: ['YU_BI_DU', 'YBD', 'YUBIDU', '郁闭度', '郁闭度/覆盖度'],
  stock_per_ha: ['MEI_GQ_XJ', 'MGQXJ', 'MEIGONGQINGXUJI', '每公顷蓄积', '每公顷蓄积量'],
  stock_total: ['HUO_LM_XJ', 'XBXJ', 'XU_JI', 'HUOLIMUXUJI', '蓄积量', '小班蓄积', '小班蓄积量', '活立木蓄积', '蓄积'],
  ownership: ['LD_QS', 'LDSYQ', 'LDQS', '林地所有权', '土地所有权', '土地所有权属', '林地权属'],
  survey_year: ['SJNF', 'NIAN_DU', 'DCND', 'DIAOCHA_ND', '调查年度', '年度', '数据年份'],
  code: ['CODE', 'WGBM', 'WG_BM', 'WGBH', 'BM', '网格编码', '网格编号', '编码', '编号'],
  name: ['NAME', 'MC', 'MING_CHENG', 'MINGCHENG', 'XLMC', 'QYMC', 'WGMC', '名称', '线路名称', '区域名称', '网格名称', '责任区域', '责任区名称'],
  kind: ['KIND', 'TYPE', 'LX', 'LEI_XING', 'QYLX', '类型', '重点区域类型', '区域类型'],
  note: ['NOTE', 'BZ', 'BEI_ZHU', 'BEIZHU', 'MEMO', 'REMARK', 'DESCRIPTION', '备注', '说明'],
};

/** Case, separators and full-width brackets do not distinguish field names. */
export function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s_\-.()（）[\]]/g, '');
}

const INDEX = new Map<string, string>();
for (const [field, names] of Object.entries(KNOWN_NAMES)) for (const n of names) INDEX.set(normalise(n), field);

/**
 * Proposes `file field → our field` for the fields the target has. A file field is proposed at
 * most once and each of our fields takes at most one file field (the first in file order). Region
 * fields are proposed only when the samples are digit codes: 县/乡/村 columns sometimes hold names.
 */
export function suggestMapping(fileFields: ReadonlyArray<{ name: string; samples: readonly unknown[] }>, spec: TargetSpec): Record<string, string> {
  const ours = new Map(spec.fields.map((f) => [f.name, f]));
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const { name, samples } of fileFields) {
    const field = INDEX.get(normalise(name)) ?? (ours.has(name.toLowerCase()) ? name.toLowerCase() : undefined);
    const target = field === undefined ? undefined : ours.get(field);
    if (!target || taken.has(target.name)) continue;
    if (target.kind.type === 'region' && !samples.every((v) => /^\d+$/.test(String(v).trim()))) continue;
    taken.add(target.name);
    mapping[name] = target.name;
  }
  return mapping;
}

/** Problems with a mapping the user sent, in words they can act on; empty when it is usable. */
export function mappingProblems(mapping: Record<string, string>, fileFields: readonly string[], spec: TargetSpec): string[] {
  const problems: string[] = [];
  const known = new Set(fileFields);
  const seen = new Map<string, string>();
  for (const [fileField, field] of Object.entries(mapping)) {
    if (!known.has(fileField)) problems.push(`文件中没有字段“${fileField}”`);
    const target = spec.fields.find((f) => f.name === field);
    if (!target) {
      problems.push(`${spec.label}没有字段“${field}”`);
      continue;
    }
    const other = seen.get(field);
    if (other !== undefined) problems.push(`“${target.label}”不能同时来自“${other}”和“${fileField}”`);
    seen.set(field, fileField);
  }
  return problems;
}

/** Our required fields the mapping leaves empty. */
export function missingRequired(mapping: Record<string, string>, spec: TargetSpec): string[] {
  const mapped = new Set(Object.values(mapping));
  return spec.fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.label);
}
