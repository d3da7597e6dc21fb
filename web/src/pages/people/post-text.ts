import type { TFunction } from 'i18next';
import type { Post, RangerKind } from '../../app/api-types.ts';

export function rangerKindName(t: TFunction, kind: RangerKind): string {
  switch (kind) {
    case 'full_time':
      return t('people.rangerKinds.full_time');
    case 'ecological':
      return t('people.rangerKinds.ecological');
    case 'assistant':
      return t('people.rangerKinds.assistant');
  }
}

/** What distinguishes a post beyond its type: a chief's responsibility area, a ranger's kind, a liaison's department. */
export function postDetail(t: TFunction, post: Pick<Post, 'responsibilityArea' | 'rangerKind' | 'department'>): string {
  const parts: string[] = [];
  if (post.responsibilityArea) parts.push(t('people.areaIs', { area: post.responsibilityArea }));
  if (post.rangerKind) parts.push(rangerKindName(t, post.rangerKind));
  if (post.department) parts.push(post.department);
  return parts.join(' · ');
}
