import type { FastifySchemaValidationError } from 'fastify';

export interface FieldProblem {
  /** The field's path in the request, e.g. `phone` or `posts.0.startsOn`. */
  field: string;
  rule: string;
  message: string;
}

interface SchemaLike {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaLike>;
}

/** Ajv reports the failing subschema when `verbose` is on (app.ts); we read the field's Chinese name from it. */
type Problem = FastifySchemaValidationError & { parentSchema?: SchemaLike };

/**
 * A field's Chinese name: the schema's `title`, or its description up to the first explanation
 * (「手机号（11 位）」→ 手机号), or else the field's path.
 */
export function fieldLabel(schema: SchemaLike | undefined, fallback: string): string {
  if (schema?.title) return schema.title;
  const short = schema?.description?.split(/[（(：:，,；;]/)[0]?.trim();
  return short || fallback;
}

/**
 * Says, in Chinese, which field is wrong and why: one problem per field. A nullable field fails
 * every branch of its union (type, pattern, anyOf); the specific rule is the one worth reading.
 */
export function describeValidation(problems: Problem[], context: string | undefined): FieldProblem[] {
  const byField = new Map<string, FieldProblem[]>();
  for (const problem of problems.map((p) => describeOne(p, context))) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem]);
  return [...byField.values()].map((candidates) => candidates.find((c) => !GENERIC_RULES.has(c.rule)) ?? candidates[0]!);
}

const GENERIC_RULES = new Set(['type', 'anyOf', 'oneOf', 'const']);

function describeOne(p: Problem, context: string | undefined): FieldProblem {
  const params = p.params;
  const base = p.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const child = (name: unknown) => (base ? `${base}.${String(name)}` : String(name));
  switch (p.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const label = fieldLabel(p.parentSchema?.properties?.[name], child(name));
      return { field: child(name), rule: 'required', message: `缺少必填项「${label}」` };
    }
    case 'additionalProperties':
      return {
        field: child(params.additionalProperty),
        rule: 'additionalProperties',
        message: `不允许提交字段「${child(params.additionalProperty)}」`,
      };
    default: {
      const field = base || (context ?? 'body');
      return { field, rule: p.keyword, message: `「${fieldLabel(p.parentSchema, field)}」${ruleMessage(p.keyword, params, p.message)}` };
    }
  }
}

function ruleMessage(keyword: string, params: Record<string, unknown>, fallback: string | undefined): string {
  switch (keyword) {
    case 'type':
      return `类型应为 ${String(params.type)}`;
    case 'minLength':
      return `长度不能少于 ${String(params.limit)} 个字符`;
    case 'maxLength':
      return `长度不能超过 ${String(params.limit)} 个字符`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `不能小于 ${String(params.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `不能大于 ${String(params.limit)}`;
    case 'pattern':
      return '格式不正确';
    case 'format':
      return `格式应为 ${String(params.format)}`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return '取值不在允许的范围内';
    case 'minItems':
      return `至少需要 ${String(params.limit)} 项`;
    case 'maxItems':
      return `最多 ${String(params.limit)} 项`;
    default:
      return fallback ?? '不符合要求';
  }
}
