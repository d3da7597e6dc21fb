import { Type, type TNull, type TSchema, type TUnion } from 'typebox';
import { fieldLabel } from './errors/validation.ts';

/**
 * A record's id wherever a client names one (paths, queries, bodies): a positive integer that a
 * JavaScript number holds exactly. Ids are bigint in the database but stay far below 2^53, and
 * anything larger is refused here (400) rather than reaching PostgreSQL as an out-of-range bigint.
 */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

/**
 * A value or null, described once: on the union, which is the property the OpenAPI document shows.
 * The member's own description (a shared RegionCode, Day …) is left out, because @fastify/swagger
 * only folds `anyOf: [X, null]` into one `nullable` X when the two do not both carry one. The
 * member is titled instead with the field's name (its own description's, else the union's):
 * validation messages name a field after the failing member (fieldLabel).
 */
export function Nullable<T extends TSchema>(type: T, description?: string): TUnion<[T, TNull]> {
  if (description === undefined) return Type.Union([type, Type.Null()]);
  return Type.Union([titled(type, fieldLabel(type, '') || fieldLabel({ description }, '')), Type.Null()], { description });
}

/** A copy of a schema with a title for its description; TypeBox's hidden kind marker is kept. */
function titled<T extends TSchema>(type: T, title: string): T {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(type)) as T & { description?: string; title?: string };
  delete copy.description;
  if (title) copy.title = title;
  return copy;
}

/** A calendar day in China, as the database's `date` is read. */
export const Day = Type.String({ format: 'date', description: '日期 YYYY-MM-DD' });
/** An instant, ISO 8601. */
export const DateTime = Type.String({ format: 'date-time' });
/** The same schema with a description of its own (a shared Id, Day … told what it is here). */
export const Described = <T extends Parameters<typeof Type.With>[0]>(t: T, description: string) => Type.With(t, { description });
/** `page` and `pageSize` of a paged list's query string. */
export const Page = {
  page: Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: '每页条数，1–500，默认 100' }),
};
/** The full count beside a page. */
export const Total = Type.Integer({ description: '符合条件的总条数（不分页）' });
