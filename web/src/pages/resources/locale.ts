/** 资源清单页面的界面文字（简体中文为准，英文须有相同的键）。 */
export const resourcesZhCN = {
  title: '资源清单',
};

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };

export const resourcesEn: Widen<typeof resourcesZhCN> = {
  title: 'Resource lists',
};
