import type { TargetField, TargetSpec } from './targets.ts';

/** An attribute value as a reader hands it over. */
export type SourceValue = string | number | boolean | null;

/**
 * The code tables (代码表) as the importer consults them: a value may be a code, a code's name
 * (乔木林地 → 0111), or a code whose leading zeros a numeric column lost (111 → 0111).
 */
export class CodeBook {
  private readonly codes = new Map<string, Set<string>>();
  private readonly names = new Map<string, Map<string, string>>();

  constructor(entries: ReadonlyArray<{ domain: string; code: string; name: string }>) {
    for (const e of entries) {
      if (!this.codes.has(e.domain)) {
        this.codes.set(e.domain, new Set());
        this.names.set(e.domain, new Map());
      }
      this.codes.get(e.domain)!.add(e.code);
      this.names.get(e.domain)!.set(e.name, e.code);
    }
  }

  resolve(domain: string, value: string): string | undefined {
    const codes = this.codes.get(domain);
    if (!codes) return undefined;
    if (codes.has(value)) return value;
    const byName = this.names.get(domain)!.get(value);
    if (byName !== undefined) return byName;
    if (/^\d+$/.test(value)) return [...codes].find((c) => /^\d+$/.test(c) && c.length > value.length && c.replace(/^0+/, '') === value.replace(/^0+/, ''));
    return undefined;
  }

  has(domain: string, code: string): boolean {
    return this.codes.get(domain)?.has(code) ?? false;
  }

  /** A few entries, for messages that show what a valid value looks like. */
  examples(domain: string): string {
    return [...(this.names.get(domain) ?? new Map<string, string>())]
      .slice(0, 2)
      .map(([name, code]) => `${code} ${name}`)
      .join('、');
  }
}

export interface ConversionPlan {
  spec: TargetSpec;
  /** file field → our field */
  mapping: Record<string, string>;
  codes: CodeBook;
  /** our field → (file value → code), for values the code tables cannot translate by themselves */
  valueMap: Record<string, Record<string, string>>;
}

export interface Converted {
  /** Our fields with checked values, plus `extra`/`properties` for unmapped columns. */
  attrs: Record<string, unknown>;
  /** A 12-digit region code from the mapped 县/乡/村 columns, if any. */
  regionCode: string | null;
  problems: string[];
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Applies the mapping to one record: converts and checks every mapped value; keeps the rest as they came. */
export function convertRecord(properties: Readonly<Record<string, SourceValue>>, plan: ConversionPlan): Converted {
  const attrs: Record<string, unknown> = {};
  const kept: Record<string, SourceValue> = {};
  const problems: string[] = [];
  const regions: string[] = [];
  for (const [fileField, raw] of Object.entries(properties)) {
    const name = plan.mapping[fileField];
    const field = name === undefined ? undefined : plan.spec.fields.find((f) => f.name === name);
    if (!field) {
      if (raw !== null && raw !== '') kept[fileField] = raw;
      continue;
    }
    const result = convertValue(raw, field, plan);
    if ('problem' in result) problems.push(result.problem);
    else if (field.kind.type === 'region') {
      if (result.value !== null) regions.push(result.value as string);
    } else attrs[field.name] = result.value;
  }
  for (const field of plan.spec.fields) {
    if (field.required && (attrs[field.name] === null || attrs[field.name] === undefined) && !problems.some((p) => p.startsWith(field.label))) {
      problems.push(`缺少${field.label}`);
    }
  }
  if (plan.spec.unmapped) attrs[plan.spec.unmapped] = kept;
  // The most detailed code wins: a village code names its township and county too.
  const regionCode = regions.sort((a, b) => significant(b) - significant(a))[0] ?? null;
  return { attrs, regionCode, problems };
}

const significant = (code: string) => code.replace(/0+$/, '').length;

function convertValue(raw: SourceValue, field: TargetField, plan: ConversionPlan): { value: unknown } | { problem: string } {
  const text = raw === null ? '' : typeof raw === 'number' ? String(raw) : String(raw).trim();
  if (text === '') return { value: null };
  const kind = field.kind;
  switch (kind.type) {
    case 'text': {
      if (text.length > kind.max) return { problem: `${field.label}“${text.slice(0, 20)}…”超过 ${kind.max} 个字` };
      if (kind.pattern && !kind.pattern.test(text)) return { problem: `${field.label}“${text}”${kind.patternHint ?? '格式不对'}` };
      return { value: text };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : NUMBER.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { problem: `${field.label}“${text}”不是数字` };
      if (n < kind.min || (kind.max !== undefined && n > kind.max)) {
        return { problem: `${field.label} ${n} 超出范围（${kind.min}${kind.max === undefined ? ' 以上' : `–${kind.max}`}）` };
      }
      return { value: n };
    }
    case 'year': {
      const m = /^(\d{4})(?:[-/.]?\d{1,2}(?:[-/.]?\d{1,2})?)?$/.exec(text.replace(/\.0+$/, ''));
      const year = m ? Number(m[1]) : NaN;
      if (!(year >= 1950 && year <= 2100)) return { problem: `${field.label}“${text}”不是 1950–2100 之间的年份` };
      return { value: year };
    }
    case 'region': {
      const digits = text.replace(/\.0+$/, '');
      if (!/^\d{6}(\d{3}){0,2}$/.test(digits)) return { problem: `${field.label}“${text}”应为 6、9 或 12 位数字` };
      return { value: digits.padEnd(12, '0') };
    }
    case 'code': {
      const mapped = plan.valueMap[field.name]?.[text];
      const code = mapped ?? plan.codes.resolve(kind.domain, text);
      if (code === undefined || !plan.codes.has(kind.domain, code)) {
        return { problem: `${field.label}“${text}”不在代码表中（可填代码或名称，如 ${plan.codes.examples(kind.domain)}）` };
      }
      return { value: code };
    }
  }
}
