import { recordEvent } from '../../platform/audit/record.ts';
import type { Context } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { levelOf } from '../regions/codes.ts';
import { DOMAIN_LABELS, formatCodeTables, validateCodeTables, type CodeEntry } from './code-tables.ts';
import * as repo from './repository.ts';

/** 代码表: read by everyone signed in; replaced from an edited file by a county (or higher) office. */

const toEntry = (r: { domain: string; code: string; name: string; flags: string[]; sort: number }): CodeEntry => ({
  domain: r.domain,
  code: r.code,
  name: r.name,
  flags: r.flags,
  sort: r.sort,
});

export async function listDomains(ctx: Context, domain?: string) {
  const rows = (await ctx.run((tx) => repo.listCodeTables(tx, domain))).map(toEntry);
  const domains = new Map<string, CodeEntry[]>();
  for (const e of rows) domains.set(e.domain, [...(domains.get(e.domain) ?? []), e]);
  return [...domains].map(([name, entries]) => ({
    domain: name,
    label: DOMAIN_LABELS[name] ?? null,
    entries: entries.map(({ code, name: n, flags, sort }) => ({ code, name: n, flags, sort })),
  }));
}

export async function downloadCsv(ctx: Context): Promise<string> {
  return formatCodeTables((await ctx.run((tx) => repo.listCodeTables(tx))).map(toEntry));
}

/**
 * Replaces the domains the file contains (others stay as they are). Code tables serve the whole
 * installation, so only a user whose scope covers a whole county may change them. Codes still used
 * by sub-compartments or risk areas cannot disappear: their records would lose their meaning.
 */
export async function upload(ctx: Context, text: string) {
  if (ctx.roots !== '*' && !ctx.roots.some((code) => levelOf(code) <= 3)) throw new AppError('county_scope_required');
  const { entries, errors } = validateCodeTables(text);
  if (errors.length > 0) {
    throw new AppError('code_table_invalid', {
      summary: errors.slice(0, 5).map((e) => e.message).join('；') + (errors.length > 5 ? `；另有 ${errors.length - 5} 处错误` : ''),
      errors: errors.map((e) => ({ line: e.line, message: e.message })),
    });
  }
  const domains = [...new Set(entries.map((e) => e.domain))];
  return ctx.run(async (tx) => {
    const missing: string[] = [];
    for (const domain of domains) {
      const kept = new Set(entries.filter((e) => e.domain === domain).map((e) => e.code));
      for (const used of await repo.codesInUse(tx, domain)) {
        if (!kept.has(used.code)) missing.push(`${domain} ${used.code}（${used.n} 条记录在用）`);
      }
    }
    if (missing.length > 0) {
      throw new AppError('code_table_invalid', { summary: `以下代码仍在使用，不能删除：${missing.join('、')}`, errors: [] });
    }
    await repo.replaceCodeTables(tx, entries);
    await repo.bumpCodeTablesVersion(tx);
    const counts = domains.map((domain) => ({ domain, count: entries.filter((e) => e.domain === domain).length }));
    await recordEvent(tx, { action: 'code_tables.replace', entity: 'code_tables', after: { domains: counts } });
    return { domains: counts };
  });
}
