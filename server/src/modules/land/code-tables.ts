import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The code tables shipped with Linzhang; an office edits a copy and uploads it. */
export const DEFAULT_CODE_TABLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/code-tables.csv');

export interface CodeEntry {
  domain: string;
  code: string;
  name: string;
  flags: string[];
  sort: number;
}

export class CodeTableFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`第 ${line} 行：${message}`);
  }
}

/** Parses `domain,code,name,flags,sort` (flags joined by `|`; lines starting with # are comments). */
export function parseCodeTables(text: string): CodeEntry[] {
  const records = parse(text, { comment: '#', skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  const [header, ...rows] = records;
  if (!header || header.record.join(',') !== 'domain,code,name,flags,sort') {
    throw new CodeTableFileError(header?.info.lines ?? 1, '表头应为 domain,code,name,flags,sort');
  }
  const seen = new Set<string>();
  return rows.map(({ record, info }) => {
    const [domain = '', code = '', name = '', flags = '', sort = '0'] = record;
    if (!/^[a-z_]+$/.test(domain)) throw new CodeTableFileError(info.lines, `代码表名称「${domain}」只能含小写字母和下划线`);
    if (!code || code.length > 20) throw new CodeTableFileError(info.lines, '代码不能为空，且不超过 20 个字符');
    if (!name || name.length > 60) throw new CodeTableFileError(info.lines, '名称不能为空，且不超过 60 个字符');
    if (!/^-?\d+$/.test(sort)) throw new CodeTableFileError(info.lines, `排序「${sort}」应为整数`);
    const key = `${domain}/${code}`;
    if (seen.has(key)) throw new CodeTableFileError(info.lines, `代码 ${domain} ${code} 重复`);
    seen.add(key);
    return { domain, code, name, flags: flags ? flags.split('|').map((f) => f.trim()) : [], sort: Number(sort) };
  });
}

export async function readDefaultCodeTables(): Promise<CodeEntry[]> {
  return parseCodeTables(await fs.readFile(DEFAULT_CODE_TABLES, 'utf8'));
}
