import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCodeTableFile, formatCodeTables, parseCodeTables, readDefaultCodeTables, validateCodeTables } from './code-tables.ts';

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

  it('lists every wrong line at once, counting comment lines', () => {
    const text = ['domain,code,name,flags,sort', '# 地类', 'land_class,0111,乔木林地,forest,10', 'land_class,,无代码,,20', 'origin,11,天然,Natural,x', 'risk_area_kind,volcano,火山,Hot,1'].join('\n');
    const { entries, errors } = validateCodeTables(text);
    expect(entries).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(errors[0]!.message).toBe('第 4 行：代码不能为空，且不超过 20 个字符');
    expect(errors[2]!.message).toContain('Hot');
  });

  it('writes a file that reads back to the same tables', async () => {
    const entries = await readDefaultCodeTables();
    const text = formatCodeTables([...entries, { domain: 'custom', code: 'a', name: '含,逗号 与 "引号" #号', flags: [], sort: 1 }]);
    expect(text.startsWith('\uFEFFdomain,code,name,flags,sort\n')).toBe(true);
    expect(parseCodeTables(text)).toEqual([...entries, { domain: 'custom', code: 'a', name: '含,逗号 与 "引号" #号', flags: [], sort: 1 }]);
  });

  it('reads a file saved by Chinese Excel in GBK', () => {
    const gbk = iconv.encode('domain,code,name,flags,sort\nland_class,0111,乔木林地,forest,10\n', 'gbk');
    expect(parseCodeTables(decodeCodeTableFile(gbk))).toEqual([{ domain: 'land_class', code: '0111', name: '乔木林地', flags: ['forest'], sort: 10 }]);
  });
});
