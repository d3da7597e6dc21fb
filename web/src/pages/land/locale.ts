/** 代码表与数据导出页面的界面文字（简体中文为准，英文须有相同的键）。 */
export const landZhCN = {
  title: '数据管理',
};

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };

export const landEn: Widen<typeof landZhCN> = {
  title: 'Land data',
};
