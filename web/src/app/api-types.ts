/**
 * The shapes the API answers with, as the server's OpenAPI document (/api/docs/json) describes
 * them. Kept by hand for now; names follow DOMAIN.md.
 */

/** 行政区划 reference, as carried inside other records. */
export interface RegionRef {
  code: string;
  name: string;
  /** 1 省 2 市 3 县区 4 乡镇街道 5 村社区 */
  level: number;
}

/** 行政区划 */
export interface Region extends RegionRef {
  parentCode: string | null;
  childCount: number;
  hasBoundary: boolean;
}

export interface BoundaryFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; level: number; areaMu: number };
  geometry: Record<string, unknown> | null;
}

export interface MePost {
  id: number;
  postType: string;
  postTypeName: string;
  title: string | null;
  region: RegionRef;
  regionPath: RegionRef[];
}

/** The signed-in user: account, person, active posts, permissions and outermost visible regions. */
export interface Me {
  /** passwordMustChange: someone else chose the password; nothing but changing it works until the holder does. */
  account: { id: number; username: string; sessionKind: string; passwordMustChange: boolean };
  person: { id: number; name: string };
  posts: MePost[];
  permissions: string[];
  scope: RegionRef[];
  csrfToken: string;
}

export interface PostSummary {
  id: number;
  postType: string;
  postTypeName: string;
  regionCode: string;
  regionName: string;
  title: string | null;
}

/** 人员 */
export interface Person {
  id: number;
  regionCode: string;
  regionName: string;
  name: string;
  phone: string | null;
  idCardLast4: string | null;
  hasPhoto: boolean;
  activePosts: PostSummary[];
  createdAt: string;
  updatedAt: string;
}

/** 护林员类别：专职 / 生态 / 协管 */
export type RangerKind = 'full_time' | 'ecological' | 'assistant';
export const RANGER_KINDS: RangerKind[] = ['full_time', 'ecological', 'assistant'];

/** 职务: a post held by a person at a region for a period. */
export interface Post {
  id: number;
  personId: number;
  personName: string;
  postType: string;
  postTypeName: string;
  regionCode: string;
  regionName: string;
  title: string | null;
  responsibilityArea: string | null;
  rangerKind: RangerKind | null;
  department: string | null;
  startsOn: string;
  endsOn: string | null;
  endReason: string | null;
  active: boolean;
}

/** chief 林长 / office 林长办 / grassroots 基层 / liaison 协作单位 */
export type PostCategory = 'chief' | 'office' | 'grassroots' | 'liaison';

export interface PostType {
  code: string;
  nameZh: string;
  nameEn: string;
  category: PostCategory;
  permissions: string[];
}

export interface Account {
  id: number;
  personId: number;
  username: string;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorAccountId: number | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}
