import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { REPO_ROOT } from '../../paths.ts';

/** The code tables shipped with Linzhang; an office edits a copy and uploads it. */
export const DEFAULT_CODE_TABLES = path.join(REPO_ROOT, 'server/data/code-tables.csv');

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

/** The header every code-table file starts with. */
export const CODE_TABLE_HEADER = 'domain,code,name,flags,sort';

/**
 * Checks a whole `domain,code,name,flags,sort` file (flags joined by `|`; lines starting with #
 * are comments) and reports every wrong line, not just the first, so an office fixes its file in
 * one go.
 */
export function validateCodeTables(text: string): { entries: CodeEntry[]; errors: CodeTableFileError[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, comment: '#', skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { entries: [], errors: [new CodeTableFileError(line, `CSV 格式错误（${(error as Error).message}）`)] };
  }
  const [header, ...rows] = records;
  if (!header || header.record.join(',') !== CODE_TABLE_HEADER) {
    return { entries: [], errors: [new CodeTableFileError(header?.info.lines ?? 1, `表头应为 ${CODE_TABLE_HEADER}`)] };
  }
  const seen = new Set<string>();
  const entries: CodeEntry[] = [];
  const errors: CodeTableFileError[] = [];
  for (const { record, info } of rows) {
    const problem = checkRow(record, seen);
    if (typeof problem === 'string') errors.push(new CodeTableFileError(info.lines, problem));
    else entries.push(problem);
  }
  if (rows.length === 0) errors.push(new CodeTableFileError(header.info.lines, '文件中没有任何代码'));
  return { entries, errors };
}

function checkRow(record: string[], seen: Set<string>): CodeEntry | string {
  const [domain = '', code = '', name = '', flags = '', sort = '0'] = record;
  if (record.length > 5) return `列数过多（应为 5 列：${CODE_TABLE_HEADER}）；名称中含逗号时请加英文双引号`;
  if (!/^[a-z_]+$/.test(domain)) return `代码表名称「${domain}」只能含小写字母和下划线`;
  if (!code || code.length > 20) return '代码不能为空，且不超过 20 个字符';
  if (!name || name.length > 60) return '名称不能为空，且不超过 60 个字符';
  if (!/^-?\d+$/.test(sort)) return `排序「${sort}」应为整数`;
  const flagList = flags ? flags.split('|').map((f) => f.trim()) : [];
  const badFlag = flagList.find((f) => !/^[a-z_]+$/.test(f));
  if (badFlag !== undefined) return `标记「${badFlag}」只能含小写字母和下划线，多个标记用 | 分隔`;
  const key = `${domain}/${code}`;
  if (seen.has(key)) return `代码 ${domain} ${code} 重复`;
  seen.add(key);
  return { domain, code, name, flags: flagList, sort: Number(sort) };
}

/** Parses a code-table file, throwing the first wrong line (start-up and tests). */
export function parseCodeTables(text: string): CodeEntry[] {
  const { entries, errors } = validateCodeTables(text);
  if (errors[0]) throw errors[0];
  return entries;
}

/** What each shipped domain is and which flags the computations read (written into the downloaded file as comments). */
export const DOMAIN_LABELS: Record<string, string> = {
  land_class: '地类；flags: forest_land 计入林地面积，forest 计入森林面积（森林覆盖率）',
  forest_category: '森林类别；flags: public_welfare 公益林',
  public_welfare_grade: '事权等级；flags: national 国家级',
  protection_grade: '国家级公益林保护等级',
  origin: '起源；flags: natural 天然（计入天然林面积）',
  dominant_species: '优势树种（组）',
  age_group: '龄组',
  ownership: '林地所有权',
  risk_area_kind: '重点区域类型（可增加新的类型）',
};

/**
 * The tables as an editable file: UTF-8 with a byte-order mark so spreadsheet programs show the
 * Chinese names, one commented heading per domain.
 */
export function formatCodeTables(entries: readonly CodeEntry[]): string {
  const cell = (v: string) => (/[",\n\r#]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v);
  const lines: string[] = [];
  let domain = '';
  for (const e of entries) {
    if (e.domain !== domain) {
      domain = e.domain;
      lines.push(`# ${domain}: ${DOMAIN_LABELS[domain] ?? '自定义代码表'}`);
    }
    lines.push([e.domain, e.code, e.name, e.flags.join('|'), String(e.sort)].map(cell).join(','));
  }
  return `\uFEFF${CODE_TABLE_HEADER}\n${lines.join('\n')}\n`;
}

/** Reads an uploaded file: UTF-8 (with or without BOM), or GBK as saved by Chinese Excel. */
export function decodeCodeTableFile(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.includes('\uFFFD') ? iconv.decode(bytes, 'gbk') : utf8;
}

export async function readDefaultCodeTables(): Promise<CodeEntry[]> {
  return parseCodeTables(await fs.readFile(DEFAULT_CODE_TABLES, 'utf8'));
}
