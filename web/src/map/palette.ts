/**
 * Colours of the one map. Land classes follow the customary forest-inventory map colours (tree
 * forest dark green, bamboo light green, shrubs olive, cut-over land tan, non-forest land in the
 * land-use colours); species and risk kinds use distinct qualitative hues. A code the palette
 * does not know (another county's code table) still gets a stable colour of its own.
 */

/** 地类 (GB/T 26424 codes as the demo county uses them) */
export const LAND_CLASS_COLOURS: Readonly<Record<string, string>> = {
  '0111': '#3b8a3e', // 乔木林地
  '0113': '#8cc665', // 竹林地
  '0120': '#b5d99a', // 疏林地
  '0131': '#8fae52', // 特殊灌木林地
  '0132': '#b9cf78', // 一般灌木林地
  '0141': '#d6e6a3', // 未成林造林地
  '0142': '#e2e9b6', // 未成林封育地
  '0150': '#93cfa8', // 苗圃地
  '0161': '#d8c296', // 采伐迹地
  '0162': '#b9785d', // 火烧迹地
  '0163': '#ddd2b2', // 其他无立木林地
  '0171': '#eee0a8', // 宜林荒山荒地
  '0173': '#f2e7bf', // 其他宜林地
  '0180': '#c8b7d8', // 林业辅助生产用地
  '0210': '#f6ee9c', // 耕地
  '0220': '#f1c887', // 园地
  '0230': '#ebcbc6', // 建设用地
  '0240': '#9cc8e8', // 水域
  '0250': '#d6d6d0', // 其他非林地
};

/** 优势树种 */
export const SPECIES_COLOURS: Readonly<Record<string, string>> = {
  '220': '#1b7837', // 马尾松
  '230': '#5aae61', // 湿地松
  '350': '#00796b', // 杉木
  '530': '#a6761d', // 樟树
  '590': '#e6ab02', // 木荷
  '610': '#d95f02', // 枫香
  '780': '#7570b3', // 阔叶混交林
  '790': '#66a61e', // 针阔混交林
  '910': '#a6d854', // 毛竹
  '920': '#cde9a0', // 杂竹
  '950': '#e7298a', // 油茶
  '960': '#fdae61', // 柑橘
  '990': '#bcbd22', // 灌木
};

/** 重点区域类型 (code table risk_area_kind) */
export const RISK_KIND_COLOURS: Readonly<Record<string, string>> = {
  farm_forest_edge: '#e59a2f', // 农林交错区
  pine_wilt_removal: '#8e44ad', // 疫木除治山场
  construction_site: '#c62828', // 林区施工现场
  graves: '#455a64', // 墓区
  power_line: '#d81b60', // 林区高压线路
  other: '#6d7f8b', // 其他
};

export const COLOURS = {
  background: '#e8ebe4',
  land: '#fbfaf4',
  gridLine: '#1565c0',
  gridNoRanger: '#e0531f',
  keyRoute: '#6d4c41',
  countyLine: '#5b4775',
  townshipLine: '#7a6890',
  villageLine: '#8a7d9e',
  responsibility: '#ad1457',
  reference: '#00897b',
  highlight: '#00b8d4',
  highlightCasing: '#0b3d4a',
  focus: '#ffb300',
  draw: '#1565c0',
  measure: '#d84315',
} as const;

/** A stable, readable colour for a code the palette has no entry for. */
export function hashedColour(code: string): string {
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const hue = Math.abs(hash) % 360;
  return `hsl(${hue}, 45%, 58%)`;
}

export function colourOf(palette: Readonly<Record<string, string>>, code: string): string {
  return palette[code] ?? hashedColour(code);
}
