import { outermost } from '../scope/regions.ts';
import { isPermission, type Permission } from './permissions.ts';

/** A post the actor holds today, with the rights its type grants. */
export interface ActivePost {
  id: number;
  postType: string;
  regionCode: string;
  title: string | null;
  permissions: string[];
}

/** The signed-in user as the server sees them for one request. */
export interface Actor {
  accountId: number;
  personId: number;
  username: string;
  name: string;
  session: { tokenHash: string; kind: 'office' | 'device'; viaCookie: boolean };
  /** Someone else chose the password: until the holder changes it, only own-account routes answer. */
  passwordMustChange: boolean;
  posts: ActivePost[];
  /** For each permission, the outermost regions where some post grants it: role × region subtree. */
  grants: ReadonlyMap<Permission, readonly string[]>;
}

export function grantsOf(posts: readonly ActivePost[]): Map<Permission, string[]> {
  const regions = new Map<Permission, string[]>();
  for (const post of posts) {
    for (const p of post.permissions) {
      if (!isPermission(p)) continue;
      regions.set(p, [...(regions.get(p) ?? []), post.regionCode]);
    }
  }
  return new Map([...regions].map(([p, codes]) => [p, outermost(codes)]));
}

/** The regions an actor may act in: for one permission, or (no permission) wherever they hold any post. */
export function rootsOf(actor: Actor, permission?: Permission): string[] {
  if (permission) return [...(actor.grants.get(permission) ?? [])];
  return outermost(actor.posts.map((p) => p.regionCode));
}

/** How the audit log, job lists and reports name a person with an account: `name（username）`. */
export function displayName(who: { name: string; username: string }): string {
  return `${who.name}（${who.username}）`;
}
