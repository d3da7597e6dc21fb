import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api.ts';
import { i18n } from './i18n.ts';

/** Which form field a database constraint is about, so a 409/400 lands under the right input. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  persons_phone_uq: 'phone',
  accounts_username_key: 'username',
  posts_ranger_kind: 'rangerKind',
  posts_liaison_department: 'department',
  posts_dates: 'endsOn',
  posts_open_uq: 'postType',
  persons_region_code_fkey: 'regionCode',
  posts_region_code_fkey: 'regionCode',
  posts_post_type_fkey: 'postType',
};

/** Server codes that always concern one field of the form that sent them (first one the form has). */
const CODE_FIELDS: Record<string, string[]> = {
  password_too_weak: ['newPassword', 'password'],
  password_incorrect: ['currentPassword'],
  password_reused: ['newPassword', 'password'],
};

/**
 * The server names the field inside its message (「phone」格式不正确); under the input itself the
 * name is noise, so it is dropped there.
 */
function fieldMessage(problem: { rule: string; message: string }): string {
  if (problem.rule === 'required') return i18n.t('forms.required');
  return problem.message.replace(/^「[^」]*」/, '') || problem.message;
}

/**
 * Puts a failed write's error under the form fields it concerns (validation `details.fields`,
 * a violated constraint, a password rule). Returns the message still to show above the form, or
 * null when every part of the error found its field.
 *
 * `aliases` maps server field names to form field names where they differ (e.g. `password` → `newPassword`).
 */
export function showServerErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  // The fields this form has registered (present as keys even while empty).
  const known = new Set(Object.keys((form.getFieldsValue() ?? {}) as Record<string, unknown>));
  const fieldOf = (name: string) => aliases[name] ?? name;
  const has = (name: string) => known.has(name);

  const problems = error.fields;
  if (problems.length > 0) {
    const placed = problems.filter((p) => has(fieldOf(p.field)));
    form.setFields(placed.map((p) => ({ name: fieldOf(p.field), errors: [fieldMessage(p)] })));
    return placed.length === problems.length ? null : error.message;
  }

  const constraint = typeof error.details.constraint === 'string' ? error.details.constraint : undefined;
  const candidates = [...(constraint && CONSTRAINT_FIELDS[constraint] ? [CONSTRAINT_FIELDS[constraint]] : []), ...(CODE_FIELDS[error.code] ?? [])];
  const target = candidates.map(fieldOf).find(has);
  if (target) {
    form.setFields([{ name: target, errors: [error.message] }]);
    return null;
  }
  return error.message;
}
