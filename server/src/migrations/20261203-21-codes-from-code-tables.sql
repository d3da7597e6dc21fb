-- Code lists come from code_tables alone, which an office edits (代码表): a coded value is checked
-- against the table when it is written, by the database, for every writer alike (the API, imports,
-- the demo generator, a hand-written UPDATE). A CHECK listing the values stays only where the
-- value set is not an office's to change (a plan's status, a reference layer's kind).

-- Until now the kinds of key risk area were fixed here as well as in the code table, so an office
-- could rename a kind but never add one.
alter table risk_areas drop constraint risk_areas_kind_check;

-- Refuses rows whose coded columns hold a code the code table lacks. Arguments come in pairs:
-- column, code-table domain. A statement trigger over the rows the statement wrote (the transition
-- table lz_written), so a bulk import of 100,000 sub-compartments is checked with one anti-join per
-- column rather than a lookup per row and column. Raised as a check violation of the pseudo
-- constraint code_tables_known, which the server turns into a 400 with this message.
create function lz_known_codes() returns trigger
  language plpgsql
  as $$
  declare
    i int;
    unknown text;
  begin
    for i in 0 .. tg_nargs / 2 - 1 loop
      execute format(
        'select w.%1$I from lz_written w where w.%1$I is not null
            and not exists (select 1 from code_tables c where c.domain = %2$L and c.code = w.%1$I) limit 1',
        tg_argv[2 * i], tg_argv[2 * i + 1]) into unknown;
      if unknown is not null then
        raise exception '代码「%」不在代码表 % 中', unknown, tg_argv[2 * i + 1]
          using errcode = 'check_violation', constraint = 'code_tables_known', table = tg_table_name, column = tg_argv[2 * i];
      end if;
    end loop;
    return null;
  end
  $$;

-- A trigger with a transition table serves one event, hence one for inserts and one for updates.
create trigger sub_compartments_codes_insert after insert on sub_compartments
  referencing new table as lz_written for each statement
  execute function lz_known_codes('land_class', 'land_class', 'forest_category', 'forest_category', 'public_welfare_grade', 'public_welfare_grade',
    'protection_grade', 'protection_grade', 'origin', 'origin', 'dominant_species', 'dominant_species', 'age_group', 'age_group', 'ownership', 'ownership');
create trigger sub_compartments_codes_update after update on sub_compartments
  referencing new table as lz_written for each statement
  execute function lz_known_codes('land_class', 'land_class', 'forest_category', 'forest_category', 'public_welfare_grade', 'public_welfare_grade',
    'protection_grade', 'protection_grade', 'origin', 'origin', 'dominant_species', 'dominant_species', 'age_group', 'age_group', 'ownership', 'ownership');
create trigger risk_areas_codes_insert after insert on risk_areas
  referencing new table as lz_written for each statement
  execute function lz_known_codes('kind', 'risk_area_kind');
create trigger risk_areas_codes_update after update on risk_areas
  referencing new table as lz_written for each statement
  execute function lz_known_codes('kind', 'risk_area_kind');
