/**
 * Every error the API can answer with: a stable machine-readable code, an HTTP status and a
 * Chinese message template. `{name}` in a template is filled from the error's details.
 * Clients branch on `code`; people read `message`.
 */
export const catalogue = {
  // request shape
  validation_failed: { status: 400, message: '提交的数据有误：{summary}' },
  malformed_request: { status: 400, message: '请求格式不正确：{reason}' },
  route_not_found: { status: 404, message: '接口不存在：{method} {url}' },
  payload_too_large: { status: 413, message: '上传内容超过 {limit} 的上限' },
  unsupported_media_type: { status: 415, message: '不支持的内容类型：{type}' },
  rate_limited: { status: 429, message: '请求过于频繁，请{retryAfter}后再试' },

  // who you are
  unauthenticated: { status: 401, message: '请先登录' },
  session_expired: { status: 401, message: '登录已过期，请重新登录' },
  invalid_credentials: { status: 401, message: '用户名或密码错误，还可尝试 {remainingAttempts} 次，之后账号将锁定 {lockMinutes} 分钟' },
  account_locked: { status: 423, message: '密码连续输错次数过多，账号已锁定，请在 {minutes} 分钟后再试' },
  account_disabled: { status: 403, message: '账号已停用，请联系林长办' },
  demo_account_refused: { status: 403, message: '生产环境不允许使用演示账号' },
  csrf_failed: { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  password_too_weak: { status: 400, message: '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类' },
  password_incorrect: { status: 400, message: '原密码不正确' },
  password_reused: { status: 400, message: '新密码不能与原密码相同' },

  // what you may do
  forbidden: { status: 403, message: '您没有执行此操作的权限' },
  password_change_required: { status: 403, message: '当前密码由他人设置，请先修改密码后再使用系统' },
  out_of_scope: { status: 403, message: '超出您的管辖范围：只能管理本辖区的数据' },
  not_found: { status: 404, message: '{entity}不存在，或不在您的管辖范围内' },
  account_out_of_scope: { status: 403, message: '该人员在您的管辖范围之外还担任职务，其账号只能由管辖其全部职务的林长办管理' },

  // what the data allows
  conflict: { status: 409, message: '与已有数据冲突：{detail}' },
  duplicate: { status: 409, message: '{field}已被使用' },
  still_referenced: { status: 409, message: '该记录仍被其他数据引用，不能删除' },
  reference_missing: { status: 400, message: '引用的{field}不存在' },
  constraint_violated: { status: 400, message: '数据不符合规则：{rule}' },
  invalid_value: { status: 400, message: '取值无效：{reason}' },
  invalid_geometry: { status: 400, message: '几何图形无效：{reason}' },
  state_conflict: { status: 409, message: '当前状态不允许此操作：{reason}' },

  // files, imports and exports
  upload_missing: { status: 400, message: '请选择要上传的文件' },
  file_unreadable: { status: 400, message: '无法读取文件：{reason}' },
  projection_unknown: { status: 400, message: '无法识别坐标系：{reason}，请选择文件使用的坐标系' },
  encoding_unknown: { status: 400, message: '无法识别属性表的文字编码，请选择编码（如 GBK 或 UTF-8）' },
  too_many_features: { status: 413, message: '要素数量超过 {limit} 个的上限' },
  outside_china: { status: 400, message: '坐标不在中国范围内：{reason}' },
  job_not_cancellable: { status: 409, message: '任务已{state}，不能取消' },
  encoding_mismatch: { status: 400, message: '属性表文字不是 {encoding} 编码（{where}无法按 {encoding} 解码），请选择正确的编码，如 GBK 或 UTF-8' },
  import_interrupted: { status: 503, message: '服务在导入过程中停止或重启，导入未完成，没有写入任何数据；请重新开始导入' },
  code_table_invalid: { status: 400, message: '代码表文件有误：{summary}' },

  // background jobs
  job_interrupted: { status: 503, message: '运行任务的服务停止或重启，任务未能完成；请重新发起' },

  // land, grids and plans
  county_scope_required: { status: 403, message: '代码表全系统通用，只有管辖本系统全部县（区）的林长办可以修改：{reason}' },
  plan_not_activatable: { status: 409, message: '网格方案存在 {count} 个问题，不能启用：{summary}' },

  // the map
  layer_unknown: { status: 404, message: '没有名为「{layer}」的地图图层' },
  tile_invalid: { status: 400, message: '切片地址无效：{reason}' },

  // the server's own trouble; the message never carries internals
  internal: { status: 500, message: '服务器内部错误，请稍后重试；如果一直出现，请把错误编号 {requestId} 告诉管理员' },
  unavailable: { status: 503, message: '服务暂时不可用：{reason}' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof catalogue;

export function renderMessage(code: ErrorCode, details: Record<string, unknown> = {}): string {
  return catalogue[code].message.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = details[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    return value === undefined || value === null ? '' : JSON.stringify(value);
  });
}
