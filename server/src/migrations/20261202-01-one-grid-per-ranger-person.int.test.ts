import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, migrateTo } from '../../test/migrations.ts';
import type { Database } from '../db/database.ts';
import { personName } from '../demo/names.ts';
import { createRandom } from '../demo/random.ts';
import { divisionsOf } from '../modules/regions/load.ts';

/**
 * Migration 20261202-01 moves data: where one person guarded several grids of a plan through ranger
 * posts in a village and in its township, every grid but the first loses its ranger. Applied to a
 * database holding exactly that situation, built with the migrations before it.
 */
const MIGRATION = '20261202-01-one-grid-per-ranger-person.sql';

describe(`migration ${MIGRATION}`, () => {
  let database: Database;
  let close: () => Promise<void>;
  const ids = { twoPosts: 0, other: 0, villagePost: 0, townshipPost: 0, otherPost: 0, plan: 0, first: 0, second: 0, third: 0, unguarded: 0 };
  const q = <R>(text: string, params: unknown[] = []) => database.owner.query<R>(text, params);
  const one = async (text: string, params: unknown[] = []) => (await q<{ id: number }>(text, params))[0]!.id;

  beforeAll(async () => {
    ({ database, close } = await emptyDatabase());
    await migrateTo(database, MIGRATION, false);
    // The path from the province down to one village of 水东镇, from the national division codes.
    const regions = divisionsOf(['360702']);
    const village = regions.find((r) => r.level === 5 && r.code.startsWith('360702101'))!;
    const path = regions.filter((r) => r.level < 5 && village.code.startsWith(r.code.replace(/0+$/, '')));
    for (const r of [...path, village].sort((a, b) => a.level - b.level)) {
      await q('insert into regions (code, level, parent_code, name) values ($1, $2, $3, $4)', [r.code, r.level, r.parentCode, r.name]);
    }
    const township = path.find((r) => r.level === 4)!.code;
    const random = createRandom('migration 20261202-01');
    ids.twoPosts = await one('insert into persons (region_code, name) values ($1, $2) returning id', [village.code, personName(random)]);
    ids.other = await one('insert into persons (region_code, name) values ($1, $2) returning id', [village.code, personName(random)]);
    const post = (person: number, region: string) =>
      one(`insert into posts (person_id, post_type, region_code, ranger_kind, starts_on) values ($1, 'ranger', $2, 'ecological', '2026-01-01') returning id`, [person, region]);
    ids.villagePost = await post(ids.twoPosts, village.code);
    ids.townshipPost = await post(ids.twoPosts, township);
    ids.otherPost = await post(ids.other, village.code);
    ids.plan = await one(`insert into grid_plans (region_code, year, name) values ('360702000000', 2026, '2026 年度网格方案') returning id`);
    const grid = (code: string, ranger: number | null, x: number) =>
      one(
        `insert into grids (plan_id, region_code, code, name, geom, ranger_post_id)
         values ($1, $2, $3, $3, st_multi(st_makeenvelope($4::float8, 25.85, $5::float8, 25.86, 4326)), $6) returning id`,
        [ids.plan, village.code, code, 114.9 + x, 114.91 + x, ranger],
      );
    // The same person guards G1 through the village post and G2 through the township post.
    ids.first = await grid('G1', ids.villagePost, 0);
    ids.second = await grid('G2', ids.townshipPost, 0.01);
    ids.third = await grid('G3', ids.otherPost, 0.02);
    ids.unguarded = await grid('G4', null, 0.03);
    expect(await migrateTo(database, MIGRATION, true)).toEqual([MIGRATION]);
  });
  afterAll(() => close?.());

  const grids = () =>
    q<{ id: number; ranger_post_id: number | null; ranger_person_id: number | null }>('select id, ranger_post_id, ranger_person_id from grids order by id');

  it('keeps the person on the first of their grids and unassigns the others; other grids keep their ranger', async () => {
    expect(await grids()).toEqual([
      { id: ids.first, ranger_post_id: ids.villagePost, ranger_person_id: ids.twoPosts },
      { id: ids.second, ranger_post_id: null, ranger_person_id: null },
      { id: ids.third, ranger_post_id: ids.otherPost, ranger_person_id: ids.other },
      { id: ids.unguarded, ranger_post_id: null, ranger_person_id: null },
    ]);
  });

  it('records who guarded the unassigned grid in the audit log, under the action it names', async () => {
    const events = await q<{ entity_id: string; before: { ranger_post_id: number }; after: { ranger_post_id: number | null } }>(
      `select entity_id, before, after from audit_log where action = 'grid.unassign_duplicate_ranger' order by id`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: String(ids.second), before: { ranger_post_id: ids.townshipPost }, after: { ranger_post_id: null } });
  });

  it('from then on refuses a second grid of the plan for the same person, through either post', async () => {
    const refused = await q(`update grids set ranger_post_id = $1 where id = $2`, [ids.townshipPost, ids.unguarded]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: '23505' });
  });
});
