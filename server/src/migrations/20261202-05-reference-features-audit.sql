-- Reference features (参考图层要素) are audited like every other table a person edits: who added or
-- removed which feature, when, with the row before and after (decision 005). Until now only
-- their layers were.

-- Features are drawn or deleted one at a time through the API, so each row change is logged by the
-- generic row trigger. An import writes them by the thousand; like the sub-compartments it loads,
-- it is audited as one event carrying its report (import.succeed), so its bulk write (under the
-- action import.write, set by the import runner) is left out here rather than logged row by row.
create trigger reference_features_audit after insert or update or delete on reference_features
  for each row
  when (current_setting('linzhang.action', true) is distinct from 'import.write')
  execute function lz_audit_row('region_code');
