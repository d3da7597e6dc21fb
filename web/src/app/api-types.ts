import type { HttpMethod, RequestBodyJSON, SuccessResponseJSON } from 'openapi-typescript-helpers';
import type { paths } from './api-schema.ts';

/**
 * The shapes the API answers with, named as in the glossary. Every one is read from the types
 * generated from the server's OpenAPI document (api-schema.ts, `npm run api:types`), so a changed
 * server schema shows up here as a type error instead of drifting (decision 012).
 */

type Operation<P extends keyof paths, M extends HttpMethod> = Extract<paths[P][M], Record<string | number, unknown>>;

/** The JSON body the server answers `method path` with (its 2xx response). */
export type ApiAnswer<P extends keyof paths, M extends HttpMethod = 'get'> = SuccessResponseJSON<Operation<P, M>>;

/** The JSON body `method path` accepts. */
export type ApiBody<P extends keyof paths, M extends HttpMethod> = NonNullable<RequestBodyJSON<Operation<P, M>>>;

/** The query parameters `method path` accepts. */
export type ApiQuery<P extends keyof paths, M extends HttpMethod = 'get'> = NonNullable<Operation<P, M>['parameters']['query']>;

/** One element of a list. */
export type Item<T> = T extends readonly (infer U)[] ? U : never;

/** 行政区划 */
export type Region = ApiAnswer<'/api/regions/{code}'>;

/** 行政区划 reference, as carried inside other records. `level`: 1 省 2 市 3 县区 4 乡镇街道 5 村社区. */
export type RegionRef = Item<Me['scope']>;

export type BoundaryFeature = ApiAnswer<'/api/regions/{code}/boundary'>;

/** The signed-in user: account, person, active posts, permissions and outermost visible regions. */
export type Me = ApiAnswer<'/api/me'>;

export type MePost = Item<Me['posts']>;

/** 人员 */
export type Person = ApiAnswer<'/api/persons/{id}'>;

export type PostSummary = Item<Person['activePosts']>;

/** 职务: a post held by a person at a region for a period. */
export type Post = ApiAnswer<'/api/posts/{id}'>;

/** 护林员类别：专职 / 生态 / 协管 */
export type RangerKind = NonNullable<Post['rangerKind']>;
export const RANGER_KINDS: readonly RangerKind[] = ['full_time', 'ecological', 'assistant'];

export type PostType = Item<ApiAnswer<'/api/post-types'>>;

/** chief 林长 / office 林长办 / grassroots 基层 / liaison 协作单位 (the server sends the category as plain text). */
export const POST_CATEGORIES = ['chief', 'office', 'grassroots', 'liaison'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export type Account = NonNullable<ApiAnswer<'/api/persons/{id}/account'>>;

export type AuditEntry = Item<ApiAnswer<'/api/audit'>['items']>;

/** One field's problem in a 400 validation answer (`details.fields`; details are free-form in the document). */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}
