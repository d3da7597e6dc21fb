import { sql, type ExpressionBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { DB } from '../../db/tables.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import type { RangerKind } from './tables.ts';

export interface PersonRow {
  id: number;
  region_code: string;
  region_name: string;
  name: string;
  phone: string | null;
  id_card_last4: string | null;
  photo_sha256: string | null;
  created_at: Date;
  updated_at: Date;
  active_posts: Array<{ id: number; postType: string; postTypeName: string; regionCode: string; regionName: string; title: string | null }>;
}

const activeToday = sql<boolean>`po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today())`;

const personSelect = (tx: Tx) =>
  tx
    .selectFrom('persons as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.region_code',
      'r.name as region_name',
      'p.name',
      'p.phone',
      'p.id_card_last4',
      'p.photo_sha256',
      'p.created_at',
      'p.updated_at',
      sql<PersonRow['active_posts']>`coalesce((
        select json_agg(json_build_object('id', po.id, 'postType', po.post_type, 'postTypeName', pt.name_zh,
                                          'regionCode', po.region_code, 'regionName', pr.name, 'title', po.title)
                        order by pt.sort, po.id)
          from posts po join post_types pt on pt.code = po.post_type join regions pr on pr.code = po.region_code
         where po.person_id = p.id and ${activeToday}), '[]'::json)`.as('active_posts'),
    ]);

export async function findPerson(tx: Tx, id: number): Promise<PersonRow | undefined> {
  return personSelect(tx).where('p.id', '=', id).executeTakeFirst();
}

export async function listPersons(
  tx: Tx,
  filter: { regionCode?: string; q?: string; postType?: string; limit: number; offset: number },
): Promise<{ rows: PersonRow[]; total: number }> {
  const where = (eb: ExpressionBuilder<DB & { p: DB['persons'] }, 'p'>) => {
    const conditions = [];
    if (filter.regionCode) conditions.push(eb('p.region_code', 'like', `${subtreePrefix(filter.regionCode)}%`));
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
      conditions.push(eb.or([eb('p.name', 'like', like), eb('p.phone', 'like', like)]));
    }
    if (filter.postType) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('posts as po')
            .select('po.id')
            .whereRef('po.person_id', '=', 'p.id')
            .where('po.post_type', '=', filter.postType)
            .where(activeToday),
        ),
      );
    }
    return eb.and(conditions);
  };
  const [rows, count] = await Promise.all([
    personSelect(tx).where(where).orderBy('p.region_code').orderBy('p.id').limit(filter.limit).offset(filter.offset).execute(),
    tx.selectFrom('persons as p').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function insertPerson(tx: Tx, input: { regionCode: string; name: string; phone: string | null; idCardLast4: string | null }) {
  const { id } = await tx
    .insertInto('persons')
    .values({ region_code: input.regionCode, name: input.name.trim(), phone: input.phone, id_card_last4: input.idCardLast4, photo_sha256: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePerson(
  tx: Tx,
  id: number,
  changes: { regionCode?: string; name?: string; phone?: string | null; idCardLast4?: string | null; photoSha256?: string | null },
): Promise<boolean> {
  const result = await tx
    .updateTable('persons')
    .set({
      ...(changes.regionCode !== undefined ? { region_code: changes.regionCode } : {}),
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
      ...(changes.idCardLast4 !== undefined ? { id_card_last4: changes.idCardLast4 } : {}),
      ...(changes.photoSha256 !== undefined ? { photo_sha256: changes.photoSha256 } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface PostRow {
  id: number;
  person_id: number;
  person_name: string;
  post_type: string;
  post_type_name: string;
  region_code: string;
  region_name: string;
  title: string | null;
  responsibility_area: string | null;
  ranger_kind: RangerKind | null;
  department: string | null;
  starts_on: string;
  ends_on: string | null;
  end_reason: string | null;
  active: boolean;
}

const postSelect = (tx: Tx) =>
  tx
    .selectFrom('posts as po')
    .innerJoin('persons as p', 'p.id', 'po.person_id')
    .innerJoin('post_types as pt', 'pt.code', 'po.post_type')
    .innerJoin('regions as r', 'r.code', 'po.region_code')
    .select([
      'po.id',
      'po.person_id',
      'p.name as person_name',
      'po.post_type',
      'pt.name_zh as post_type_name',
      'po.region_code',
      'r.name as region_name',
      'po.title',
      'po.responsibility_area',
      'po.ranger_kind',
      'po.department',
      'po.starts_on',
      'po.ends_on',
      'po.end_reason',
      activeToday.as('active'),
    ]);

export async function findPost(tx: Tx, id: number): Promise<PostRow | undefined> {
  return postSelect(tx).where('po.id', '=', id).executeTakeFirst();
}

export async function postsOfPerson(tx: Tx, personId: number): Promise<PostRow[]> {
  return postSelect(tx).where('po.person_id', '=', personId).orderBy('po.starts_on', 'desc').orderBy('po.id', 'desc').execute();
}

export async function listPosts(
  tx: Tx,
  filter: { regionCode?: string; exact?: boolean; postType?: string; active?: boolean; limit: number; offset: number },
): Promise<{ rows: PostRow[]; total: number }> {
  let query = postSelect(tx);
  let count = tx.selectFrom('posts as po').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.regionCode && filter.exact) {
    query = query.where('po.region_code', '=', filter.regionCode);
    count = count.where('po.region_code', '=', filter.regionCode);
  } else if (filter.regionCode) {
    const like = `${subtreePrefix(filter.regionCode)}%`;
    query = query.where('po.region_code', 'like', like);
    count = count.where('po.region_code', 'like', like);
  }
  if (filter.postType) {
    query = query.where('po.post_type', '=', filter.postType);
    count = count.where('po.post_type', '=', filter.postType);
  }
  if (filter.active !== undefined) {
    const condition = filter.active ? activeToday : sql<boolean>`not (${activeToday})`;
    query = query.where(condition);
    count = count.where(condition);
  }
  const [rows, total] = await Promise.all([
    query.orderBy('po.region_code').orderBy('pt.sort').orderBy('po.id').limit(filter.limit).offset(filter.offset).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export interface PostInput {
  personId: number;
  postType: string;
  regionCode: string;
  title: string | null;
  responsibilityArea: string | null;
  rangerKind: RangerKind | null;
  department: string | null;
  startsOn: string;
  /** Only for recording history (imports, the demo generator); ending a held post goes through updatePost. */
  endsOn?: string;
  endReason?: string;
}

export async function insertPosts(tx: Tx, posts: readonly PostInput[]): Promise<number[]> {
  if (posts.length === 0) return [];
  const rows = await tx
    .insertInto('posts')
    .values(
      posts.map((p) => ({
        person_id: p.personId,
        post_type: p.postType,
        region_code: p.regionCode,
        title: p.title,
        responsibility_area: p.responsibilityArea,
        ranger_kind: p.rangerKind,
        department: p.department,
        starts_on: p.startsOn,
        ends_on: p.endsOn ?? null,
        end_reason: p.endReason ?? null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function updatePost(
  tx: Tx,
  id: number,
  changes: Partial<Pick<PostInput, 'title' | 'responsibilityArea' | 'rangerKind' | 'department' | 'startsOn' | 'endsOn' | 'endReason'>>,
): Promise<boolean> {
  const result = await tx
    .updateTable('posts')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.responsibilityArea !== undefined ? { responsibility_area: changes.responsibilityArea } : {}),
      ...(changes.rangerKind !== undefined ? { ranger_kind: changes.rangerKind } : {}),
      ...(changes.department !== undefined ? { department: changes.department } : {}),
      ...(changes.startsOn !== undefined ? { starts_on: changes.startsOn } : {}),
      ...(changes.endsOn !== undefined ? { ends_on: changes.endsOn, end_reason: changes.endReason ?? null } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listPostTypes(tx: Tx) {
  return tx.selectFrom('post_types').selectAll().orderBy('sort').execute();
}

export async function postTypeExists(tx: Tx, code: string): Promise<boolean> {
  return (await tx.selectFrom('post_types').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}
