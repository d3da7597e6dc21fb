import type { CodeDomain, SampleValue } from './types.ts';

/**
 * What the importer will make of a value in a coded column, judged the way the server's code book
 * does (server/src/modules/imports/values.ts): a code, a code's name (乔木林地 → 0111), or a code
 * whose leading zeros a numeric column lost (111 → 0111); the user's value translation first.
 */
export function resolveCode(domain: CodeDomain | undefined, value: string, translated?: string): string | undefined {
  if (translated !== undefined) return translated;
  if (!domain) return undefined;
  const byCode = domain.entries.find((e) => e.code === value);
  if (byCode) return byCode.code;
  const byName = domain.entries.find((e) => e.name === value);
  if (byName) return byName.code;
  if (/^\d+$/.test(value)) {
    const bare = value.replace(/^0+/, '');
    return domain.entries.find((e) => /^\d+$/.test(e.code) && e.code.length > value.length && e.code.replace(/^0+/, '') === bare)?.code;
  }
  return undefined;
}

/** A sample as the importer reads it: trimmed text; empty cells are left out. */
export function sampleText(value: SampleValue): string {
  if (value === null) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

/** The code table a coded field reads from (重点区域类型 lives in risk_area_kind). */
export const domainOf = (field: { name: string; domain?: string }) => field.domain ?? (field.name === 'kind' ? 'risk_area_kind' : field.name);
