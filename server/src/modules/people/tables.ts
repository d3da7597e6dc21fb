import type { CreatedAt, DateString, Id, UpdatedAt } from '../../db/types.ts';

/** 职务类型: 总林长, 林长, 监管员, 护林员 … as data. */
export interface PostTypeTable {
  code: string;
  name_zh: string;
  name_en: string;
  category: 'chief' | 'office' | 'grassroots' | 'liaison';
  permissions: string[];
  sort: number;
}

/** 人员 */
export interface PersonTable {
  id: Id;
  region_code: string;
  name: string;
  phone: string | null;
  id_card_last4: string | null;
  photo_sha256: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type RangerKind = 'full_time' | 'ecological' | 'assistant';

/** 职务: a post held by a person at a region for a period. */
export interface PostTable {
  id: Id;
  person_id: number;
  post_type: string;
  region_code: string;
  title: string | null;
  responsibility_area: string | null;
  ranger_kind: RangerKind | null;
  department: string | null;
  starts_on: DateString;
  ends_on: DateString | null;
  end_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PeopleTables {
  post_types: PostTypeTable;
  persons: PersonTable;
  posts: PostTable;
}
