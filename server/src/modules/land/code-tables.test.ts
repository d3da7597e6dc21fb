import { describe, expect, it } from 'vitest';
import { parseCodeTables, readDefaultCodeTables } from './code-tables.ts';

describe('code tables file', () => {
  it('ships the land classes that count as forest for forest coverage', async () => {
    const entries = await readDefaultCodeTables();
    const forest = entries.filter((e) => e.domain === 'land_class' && e.flags.includes('forest')).map((e) => e.name);
    expect(forest).toEqual(['乔木林地', '竹林地', '特殊灌木林地']);
    expect(entries.filter((e) => e.domain === 'dominant_species').map((e) => e.name)).toEqual(expect.arrayContaining(['马尾松', '杉木', '湿地松', '阔叶混交林', '毛竹', '油茶']));
  });

  it('says which line of an edited file is wrong', () => {
    const text = 'domain,code,name,flags,sort\nland_class,0111,乔木林地,forest,10\nLand Class,x,y,,1\n';
    expect(() => parseCodeTables(text)).toThrow('第 3 行');
    expect(() => parseCodeTables('code,name\n')).toThrow(/表头/);
    expect(() => parseCodeTables('domain,code,name,flags,sort\na,1,x,,1\na,1,y,,2\n')).toThrow(/重复/);
  });
});
