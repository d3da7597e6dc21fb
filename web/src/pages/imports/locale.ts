/** 数据导入向导的界面文字（简体中文为准，英文须有相同的键）。 */
export const importsZhCN = {
  title: '数据导入',
};

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };

export const importsEn: Widen<typeof importsZhCN> = {
  title: 'Data import',
};
