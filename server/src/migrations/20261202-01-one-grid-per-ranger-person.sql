-- One PERSON guards at most one grid of a plan (seeds/002 item 3: 网格与护林员"一对一", 山头落到人头).
-- The unique index grids_one_per_ranger was on the ranger's post, but a person may hold ranger
-- posts in a village and in its township at the same time, so one person could be given two grids
-- of a plan through their two posts; only the check at activation caught it. Grids now carry the
-- person behind the ranger post, and the one-grid rule is on the person.

-- 护林员本人: the person holding ranger_post_id. Written only by the trigger below, never by the app.
alter table grids add column ranger_person_id bigint;

-- The post and its holder as one key, so a grid can point at the pair (the foreign key below).
-- posts.id alone is already unique; this index exists only to be that foreign key's target.
create unique index posts_id_person_uq on posts (id, person_id);

-- Fills in the person from the post on every write of the ranger: the service, plan copies, imports
-- and the demo generator set only ranger_post_id. SECURITY DEFINER so that the lookup sees the post
-- even when the caller's scope does not (a township post guarding a village grid); it reveals only
-- the person id. search_path is pinned, as every SECURITY DEFINER function's must be.
create function lz_grid_ranger_person() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
  begin
    new.ranger_person_id := (select po.person_id from posts po where po.id = new.ranger_post_id);
    return new;
  end
  $$;
-- Runs on every write of either column, so the person can be neither forgotten nor forged.
create trigger grids_ranger_person before insert or update of ranger_post_id, ranger_person_id on grids
  for each row execute function lz_grid_ranger_person();

-- Grids that already exist get their ranger's person. Where one person already guards several
-- grids of a plan through different posts, the grid with the lowest id keeps them and the others
-- lose their ranger: the audit log keeps who guarded them (before/after, under the action named
-- here), and the office finds those grids in its "grids without a ranger" list.
select set_config('linzhang.action', 'grid.unassign_duplicate_ranger', true);
update grids g set ranger_post_id = null
  from (select g2.id, row_number() over (partition by g2.plan_id, po.person_id order by g2.id) as n
          from grids g2 join posts po on po.id = g2.ranger_post_id) twice
 where twice.id = g.id and twice.n > 1;
select set_config('linzhang.action', 'grid.ranger_person', true);
update grids set ranger_post_id = ranger_post_id where ranger_post_id is not null;
select set_config('linzhang.action', '', true);

-- The person always belongs to the post: both set or both empty (MATCH FULL), and the pair must be
-- a real post with that holder. Should a post's holder ever be corrected, the grids follow.
alter table grids add constraint grids_ranger_post_person_fkey
  foreign key (ranger_post_id, ranger_person_id) references posts (id, person_id) match full on update cascade;

-- One grid per ranger within a plan, "ranger" now meaning the person (and one ranger per grid, by
-- the column itself). Same name as before, so the error translation and the service's
-- explanation of a refused assignment keep working.
drop index grids_one_per_ranger;
create unique index grids_one_per_ranger on grids (plan_id, ranger_person_id) where ranger_person_id is not null;
