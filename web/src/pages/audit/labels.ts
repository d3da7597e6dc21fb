import type { TFunction } from 'i18next';

/** Actions the server writes today (audit_log.action); later modules add theirs here. */
export const AUDIT_ACTIONS = [
  'insert',
  'update',
  'delete',
  'post.appoint',
  'post.end',
  'auth.login',
  'auth.login_failed',
  'auth.login_refused',
  'auth.logout',
  'auth.password_change',
  'account.password_reset',
  'account.unlock',
  'account.update',
] as const;

export const AUDIT_ENTITIES = ['persons', 'posts', 'accounts'] as const;

// i18next splits keys on dots, and action names contain them.
export const actionLabel = (t: TFunction, action: string) =>
  t(`audit.actions.${action.replaceAll('.', '_')}` as 'audit.actions.insert', { defaultValue: action });

export const entityLabel = (t: TFunction, entity: string) => t(`audit.entities.${entity}` as 'audit.entities.persons', { defaultValue: entity });
