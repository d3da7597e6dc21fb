-- The one map: what its tiles and search need beyond the land and grid tables themselves.

-- The grids tile layer shows the active plan unless a plan is asked for, so activating or
-- archiving a plan changes which grids those tiles draw: plans bump a layer version too.
create trigger grid_plans_map_layer after insert or update or delete or truncate on grid_plans
  for each statement execute function lz_layer_changed('grid_plans');

-- Under row-level security the planner may evaluate a query's condition before the policy (and
-- so inside an index) only when its function is LEAKPROOF. PostGIS does not mark the bounding-box
-- operator `&&` (geometry_overlaps), so every tile and every spatial filter on a scoped table
-- would read the whole table: 200 ms a tile at 200,000 sub-compartments instead of 1 ms.
-- geometry_overlaps compares the two bounding boxes stored in the values and raises no error, so
-- it cannot reveal anything about a row the policy hides. Only a superuser may mark it; a
-- migration run by any other login says so, and the server warns at start while it is unmarked
-- (a PostGIS upgrade re-creates the function and drops the mark).
do $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    alter function geometry_overlaps(geometry, geometry) leakproof;
  else
    raise warning 'Linzhang: map tiles will be slow until a superuser runs: alter function geometry_overlaps(geometry, geometry) leakproof;';
  end if;
end
$$;

-- Map search by 小班号: equality on the column (a leakproof operator, so usable under row-level
-- security); the search asks for every zero-padded spelling of the number at once.
create index sub_compartments_number_idx on sub_compartments (number);
