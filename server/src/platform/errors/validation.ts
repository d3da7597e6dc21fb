import type { FastifySchemaValidationError } from 'fastify';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** Says, in Chinese, which field is wrong and why, for every schema violation Fastify reports. */
export function describeValidation(problems: FastifySchemaValidationError[], context: string | undefined): FieldProblem[] {
  return problems.map((p) => {
    const params = p.params;
    const base = p.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const child = (name: unknown) => (base ? `${base}.${String(name)}` : String(name));
    const where = context ?? 'body';
    switch (p.keyword) {
      case 'required':
        return { field: child(params.missingProperty), rule: 'required', message: `缺少必填项「${child(params.missingProperty)}」` };
      case 'additionalProperties':
        return {
          field: child(params.additionalProperty),
          rule: 'additionalProperties',
          message: `不允许提交字段「${child(params.additionalProperty)}」`,
        };
      default: {
        const field = base || where;
        return { field, rule: p.keyword, message: `「${field}」${ruleMessage(p.keyword, params, p.message)}` };
      }
    }
  });
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
