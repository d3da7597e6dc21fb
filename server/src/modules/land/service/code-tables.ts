import type { Tx } from '../../../db/scoped.ts';
import { recordEvent } from '../../../platform/audit/record.ts';
import type { Context } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { LayerRegistry } from '../../../platform/layers/registry.ts';
import { isWithin, levelOf } from '../../../platform/scope/regions.ts';
import { DOMAIN_LABELS, formatCodeTables, validateCodeTables, type CodeEntry } from '../code-tables.ts';
import * as repo from '../repository/code-tables.ts';

/** 代码表: read by everyone signed in; replaced from an edited file by an office whose scope covers the whole installation. */

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
 * Code tables serve the whole installation: a code dropped or re-flagged by one county changes
 * the meaning of every county's records and resource lists. So only a user whose scope covers
 * every county the installation holds may change them (in a single-county installation, that
 * county's office). Refused with the counties the caller's scope leaves out.
 */
async function requireInstallationScope(ctx: Context, tx: Tx): Promise<void> {
  if (ctx.roots === '*') return;
  const roots = ctx.roots;
  if (!roots.some((code) => levelOf(code) <= 3)) throw new AppError('county_scope_required', { reason: '您的管辖范围不是一个完整的县（区）' });
  const counties = await repo.installationCounties(tx);
  const outside = counties.filter((county) => !roots.some((root) => isWithin(county.code, root)));
  if (outside.length > 0) {
    throw new AppError('county_scope_required', {
      reason: `本系统包含 ${counties.length} 个县（区）（${counties.map((c) => c.name).join('、')}），代码表对它们同时生效，您的管辖范围不含${outside.map((c) => c.name).join('、')}`,
      counties: counties.map((c) => c.code),
      outside: outside.map((c) => c.code),
    });
  }
}

/**
 * Replaces the domains the file contains (others stay as they are), for a user whose scope covers
 * the whole installation. Codes still used by sub-compartments or risk areas of any county cannot
 * disappear: their records would lose their meaning.
 */
export async function upload(ctx: Context, layers: LayerRegistry, text: string) {
  return ctx.run(async (tx) => {
    await requireInstallationScope(ctx, tx);
    const { entries, errors } = validateCodeTables(text);
    if (errors.length > 0) {
      throw new AppError('code_table_invalid', {
        summary: errors.slice(0, 5).map((e) => e.message).join('；') + (errors.length > 5 ? `；另有 ${errors.length - 5} 处错误` : ''),
        errors: errors.map((e) => ({ line: e.line, message: e.message })),
      });
    }
    const domains = [...new Set(entries.map((e) => e.domain))];
    const missing: string[] = [];
    for (const domain of domains) {
      const kept = new Set(entries.filter((e) => e.domain === domain).map((e) => e.code));
      for (const used of await repo.codesInUse(tx, layers.codeColumns(domain))) {
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
