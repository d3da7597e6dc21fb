/** 网格方案与护林员分配页面的界面文字（简体中文为准，英文须有相同的键）。 */
export const gridsZhCN = {
  title: '网格方案',
};

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };

export const gridsEn: Widen<typeof gridsZhCN> = {
  title: 'Grid plans',
};
