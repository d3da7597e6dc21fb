/** 一张图（地图）页面的界面文字（简体中文为准，英文须有相同的键）。 */
export const mapZhCN = {
  title: '一张图',
};

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };

export const mapEn: Widen<typeof mapZhCN> = {
  title: 'One map',
};
