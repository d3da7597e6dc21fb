/**
 * What a post lets its holder do inside the post's region subtree. Post types carry these as
 * data (post_types.permissions); routes name the one they need.
 */
export const PERMISSIONS = [
  'regions.read',
  'people.read',
  'people.write',
  'accounts.manage',
  'audit.read',
  'map.read',
  'land.write',
  'grids.write',
  'resources.read',
  'data.export',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
