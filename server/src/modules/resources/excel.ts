import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/office/excel.ts';
import type { Breakdown } from './figures.ts';
import type { ResourceList } from './service.ts';

/** The resource list as an Excel workbook: a summary sheet with units and definitions, then one sheet per breakdown. */
export async function resourceListWorkbook(list: ResourceList): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Linzhang 林长制平台';
  book.created = new Date(list.computedAt);

  const summary = book.addWorksheet('资源清单');
  summary.columns = [{ width: 26 }, { width: 18 }, { width: 18 }, { width: 60 }];
  summary.addRow([`${list.subject.name} 资源清单`]).font = { bold: true, size: 14 };
  summary.addRow(['所属区划', list.subject.regionName]);
  if (list.subject.chief) summary.addRow(['林长', list.subject.chief]);
  summary.addRow(['计算时间', new Date(list.computedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })]);
  summary.addRow(['计算方法', list.method === 'clipped_to_area' ? '按责任区域裁切小班，面积取区域内部分，蓄积按面积比例分摊' : '区划内全部小班（按小班所属区划统计）']);
  summary.addRow([]);
  summary.addRow(['指标', '面积（公顷）', '面积（亩）', '说明']).font = { bold: true };
  const basis = { region_boundary: '区划边界的椭球面积', sub_compartments: '区划无边界，取小班面积之和', responsibility_area: '责任区域的椭球面积' }[list.totalLandArea.basis];
  const rows: Array<[string, { ha: number; mu: number }, string]> = [
    ['土地总面积', list.totalLandArea, basis],
    ['小班面积合计', list.subCompartmentArea, `${list.subCompartmentCount} 个小班`],
    ['林地面积', list.forestLandArea, '地类代码表标记 forest_land 的小班'],
    ['森林面积', list.forestArea, '地类代码表标记 forest 的小班（乔木林地、竹林地、特殊灌木林地）'],
    ['公益林面积', list.publicWelfareForest.total, '森林类别代码表标记 public_welfare 的小班'],
    ['天然林面积', list.naturalForestArea, '森林面积中起源代码表标记 natural 的部分'],
  ];
  for (const [label, a, note] of rows) summary.addRow([label, a.ha, a.mu, note]);
  summary.addRow([]);
  summary.addRow(['指标', '数值', '单位', '说明']).font = { bold: true };
  summary.addRow(['森林覆盖率', list.forestCoveragePercent, '%', '森林面积 ÷ 土地总面积 × 100']);
  summary.addRow(['活立木蓄积', list.stockVolumeM3, '立方米', '小班蓄积之和']);

  addBreakdown(book, '公益林（按事权等级）', '事权等级', list.publicWelfareForest.byGrade);
  addBreakdown(book, '优势树种', '优势树种', list.byDominantSpecies);
  addBreakdown(book, '龄组', '龄组', list.byAgeGroup);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addBreakdown(book: ExcelJS.Workbook, title: string, label: string, items: readonly Breakdown[]) {
  const sheet = book.addWorksheet(title);
  sheet.columns = [
    { header: `${label}代码`, width: 12 },
    { header: label, width: 20 },
    { header: '面积（公顷）', width: 16 },
    { header: '面积（亩）', width: 16 },
    { header: '蓄积（立方米）', width: 16 },
    { header: '小班数', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const i of items) sheet.addRow([i.code ?? '', i.name, i.area.ha, i.area.mu, i.stockM3, i.subCompartments]);
}
