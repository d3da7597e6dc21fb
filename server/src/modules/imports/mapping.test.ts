import { describe, expect, it } from 'vitest';
import { mappingProblems, missingRequired, suggestMapping } from './mapping.ts';
import { TARGETS } from './targets.ts';
import { CodeBook, convertRecord } from './values.ts';

const fields = (...names: string[]) => names.map((name) => ({ name, samples: ['1'] }));
const sub = TARGETS.sub_compartments;

describe('mapping suggestions', () => {
  it('maps the pinyin codes of the forest resource one map', () => {
    expect(suggestMapping(fields('LIN_BAN', 'XIAO_BAN', 'DI_LEI', 'YOU_SHI_SZ', 'QI_YUAN', 'LING_ZU', 'YU_BI_DU', 'MEI_GQ_XJ', 'SHI_QUAN_D', 'BZ'), sub)).toEqual({
      LIN_BAN: 'compartment',
      XIAO_BAN: 'number',
      DI_LEI: 'land_class',
      YOU_SHI_SZ: 'dominant_species',
      QI_YUAN: 'origin',
      LING_ZU: 'age_group',
      YU_BI_DU: 'canopy_density',
      MEI_GQ_XJ: 'stock_per_ha',
      SHI_QUAN_D: 'public_welfare_grade',
    });
  });

  it('maps Chinese names, whatever the case, spacing or brackets', () => {
    expect(suggestMapping(fields('林班号', '小班', '地类', '优势树（灌）种', '郁闭度', 'lin_ban_h'), sub)).toEqual({
      林班号: 'compartment',
      小班: 'number',
      地类: 'land_class',
      '优势树（灌）种': 'dominant_species',
      郁闭度: 'canopy_density',
    });
  });

  it('offers a region column only when it holds codes', () => {
    expect(suggestMapping([{ name: 'CUN', samples: ['360702101001'] }], sub)).toEqual({ CUN: 'village_code' });
    expect(suggestMapping([{ name: 'CUN', samples: ['水南村'] }], sub)).toEqual({});
  });

  it('only proposes fields the target has', () => {
    expect(suggestMapping(fields('名称', 'XIAO_BAN'), TARGETS.key_routes)).toEqual({ 名称: 'name' });
  });
});

describe('mapping checks', () => {
  it('names unknown fields, and two columns for one field', () => {
    expect(mappingProblems({ 林班: 'compartment', LB: 'compartment', X: 'number' }, ['林班', 'LB'], sub)).toEqual([
      '“林班号”不能同时来自“林班”和“LB”',
      '文件中没有字段“X”',
    ]);
  });

  it('names required fields left unmapped', () => {
    expect(missingRequired({ 林班: 'compartment' }, sub)).toEqual(['小班号']);
  });
});

describe('converting a record', () => {
  const codes = new CodeBook([
    { domain: 'land_class', code: '0111', name: '乔木林地' },
    { domain: 'age_group', code: '2', name: '中龄林' },
  ]);
  const plan = { spec: sub, mapping: { LB: 'compartment', XB: 'number', DL: 'land_class', LZ: 'age_group', YBD: 'canopy_density', CUN: 'village_code' }, codes, valueMap: {} };

  it('translates names and lost leading zeros to codes and keeps unmapped columns', () => {
    const out = convertRecord({ LB: 12, XB: '003', DL: 111, LZ: '中龄林', YBD: '0.6', CUN: '360702101001', BZ: '备注' }, plan);
    expect(out).toEqual({
      attrs: { compartment: '12', number: '003', land_class: '0111', age_group: '2', canopy_density: 0.6, extra: { BZ: '备注' } },
      regionCode: '360702101001',
      problems: [],
    });
  });

  it('says what is wrong with each bad value, in the words of the field', () => {
    const out = convertRecord({ LB: '', XB: '1', DL: '竹林', LZ: '2', YBD: '1.5', CUN: '3607' }, plan);
    expect(out.problems).toEqual([
      '地类“竹林”不在代码表中（可填代码或名称，如 0111 乔木林地）',
      '郁闭度 1.5 超出范围（0–1）',
      '村级区划代码“3607”应为 6、9 或 12 位数字',
      '缺少林班号',
    ]);
  });

  it('uses the value map for spellings the code tables do not know', () => {
    const out = convertRecord({ LB: '1', XB: '1', DL: '乔木林' }, { ...plan, valueMap: { land_class: { 乔木林: '0111' } } });
    expect(out.attrs.land_class).toBe('0111');
  });
});
