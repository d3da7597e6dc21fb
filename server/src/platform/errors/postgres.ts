import { AppError } from './app-error.ts';

/** What a violated constraint means to a person, by constraint name. Unknown names fall back to the name itself. */
const constraintLabels: Record<string, string> = {
  persons_phone_uq: '手机号',
  accounts_username_key: '用户名',
  accounts_username_not_phone: '用户名不能是手机号的样子（手机号本身也可用来登录）',
  accounts_person_id_key: '该人员的账号',
  posts_open_uq: '同一人员在同一区划的同类在任职务',
  posts_dates: '结束日期不能早于开始日期',
  posts_ranger_kind: '护林员须注明类别（专职/生态/协管），其他职务不填',
  posts_liaison_department: '协作单位联络员须填写所属部门',
  persons_region_code_fkey: '所属区划',
  posts_region_code_fkey: '任职区划',
  posts_post_type_fkey: '职务类型',
  posts_person_id_fkey: '人员',
  grids_code_uq: '本方案中的网格编号',
  grids_one_per_ranger: '该护林员（同一方案中一名护林员只能负责一个网格）',
  grid_plans_one_active: '该区域的启用方案',
  reference_layers_name_uq: '同一区划下的参考图层名称',
  mapping_presets_uq: '同一区划下同一导入目标的字段映射预设名称',
  grids_ranger_post_id_fkey: '护林员职务',
  grids_ranger_post_person_fkey: '护林员职务与人员须一致',
  regions_geom_valid: '区划边界须为有效、非空的多边形',
  reference_features_geom_type: '参考要素只能是点、线或面',
  responsibility_areas_post_id_fkey: '林长职务',
};

/** Which request field a unique constraint is about, so clients can show the error under it. */
const uniqueFields: Record<string, string> = {
  persons_phone_uq: 'phone',
  accounts_username_key: 'username',
  grids_code_uq: 'code',
  reference_layers_name_uq: 'name',
  mapping_presets_uq: 'name',
};

/** A constraint's name for people; one without a label is described, not named (its name stays in details). */
export function labelOf(constraint: string | undefined, unlabelled = '相关数据'): string {
  return (constraint && constraintLabels[constraint]) || unlabelled;
}

/** What a data exception means, by SQLSTATE; PostgreSQL's own English text goes to details only. */
const valueProblems: Record<string, string> = {
  '22P02': '格式不正确，无法识别',
  '22007': '日期或时间的格式不正确',
  '22008': '日期或时间超出范围',
  '22003': '数值超出允许的范围',
  '22001': '文字超过允许的长度',
  '22023': '参数取值不正确',
};

interface PgErrorLike {
  code?: unknown;
  constraint?: string;
  detail?: string;
  message: string;
}

function isPgError(error: unknown): error is PgErrorLike {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * Turns a PostgreSQL error caused by the request's data into the API error it means, so a
 * user's mistake is never a 500. Returns undefined for errors that are the server's own.
 */
export function fromPostgresError(error: unknown): AppError | undefined {
  if (!isPgError(error)) return undefined;
  const code = error.code as string;
  const label = labelOf(error.constraint);
  switch (code) {
    case '23505': {
      // unique_violation
      const field = error.constraint ? uniqueFields[error.constraint] : undefined;
      const message = `${label}已被使用`;
      return new AppError('duplicate', { field: label, constraint: error.constraint, ...(field ? { fields: [{ field, rule: 'unique', message }] } : {}) });
    }
    case '23503': // foreign_key_violation
      return /still referenced/.test(error.detail ?? '')
        ? new AppError('still_referenced', { constraint: error.constraint })
        : new AppError('reference_missing', { field: label, constraint: error.constraint });
    case '23514': // check_violation
      // A coded value the code tables lack (lz_known_codes): the message names the code and the table.
      if (error.constraint === 'code_tables_known') return new AppError('invalid_value', { reason: error.message, constraint: error.constraint });
      return new AppError('constraint_violated', { rule: labelOf(error.constraint, '数据完整性规则'), constraint: error.constraint });
    case '23502': // not_null_violation
    case '23P01': // exclusion_violation
      return new AppError('constraint_violated', { rule: labelOf(error.constraint, '数据完整性规则'), constraint: error.constraint });
    case '42501': // insufficient_privilege, including a row-level security WITH CHECK failure
      return new AppError('out_of_scope');
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
    case '22001': // string_data_right_truncation
    case '22023': // invalid_parameter_value (PostGIS uses it for bad geometry input)
      return new AppError('invalid_value', { reason: valueProblems[code]!, cause: error.message });
    case 'XX000':
      // PostGIS reports unparsable or invalid geometry as an internal error; only those are the user's.
      return /geometry|GeoJSON|parse error|Invalid|ring/i.test(error.message)
        ? new AppError('invalid_geometry', { reason: '图形无法解析或不合规则', cause: error.message })
        : undefined;
    default:
      return undefined;
  }
}
