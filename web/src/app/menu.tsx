import { ApartmentOutlined, AppstoreOutlined, AuditOutlined, BarChartOutlined, DatabaseOutlined, GlobalOutlined, HomeOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';

/**
 * The left menu, as data. A module adds one entry: where it lives, its label in the i18n
 * catalogue, its icon and the permission a user needs to see it. The router guards each
 * module's pages with the same permission (see `permissionFor`).
 */
export interface MenuEntry {
  key: string;
  path: string;
  labelKey: ParseKeys;
  icon: ReactNode;
  /** Shown only to users holding this permission somewhere in their scope; absent = everyone signed in. */
  permission?: string;
  /** Shown to users holding any one of these; such a page guards itself (the router checks only `permission`). */
  anyPermission?: readonly string[];
}

export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: <HomeOutlined /> },
  { key: 'map', path: '/map', labelKey: 'menu.map', icon: <GlobalOutlined />, permission: 'map.read' },
  { key: 'grids', path: '/grids', labelKey: 'menu.grids', icon: <AppstoreOutlined />, permission: 'map.read' },
  { key: 'resources', path: '/resources', labelKey: 'menu.resources', icon: <BarChartOutlined />, permission: 'resources.read' },
  { key: 'land', path: '/land', labelKey: 'menu.land', icon: <DatabaseOutlined />, permission: 'map.read' },
  { key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, permission: 'regions.read' },
  { key: 'people', path: '/people', labelKey: 'menu.people', icon: <TeamOutlined />, permission: 'people.read' },
  { key: 'imports', path: '/imports', labelKey: 'menu.imports', icon: <UploadOutlined />, anyPermission: ['land.write', 'grids.write'] },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export function visibleMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter(
    (entry) => (!entry.permission || permissions.includes(entry.permission)) && (!entry.anyPermission || entry.anyPermission.some((p) => permissions.includes(p))),
  );
}

/** The permission that guards a module's pages. */
export function permissionFor(key: string): string | undefined {
  return MENU.find((entry) => entry.key === key)?.permission;
}

/** The menu entry a location belongs to: the longest path prefix that matches. */
export function entryForPath(pathname: string): MenuEntry | undefined {
  return [...MENU]
    .sort((a, b) => b.path.length - a.path.length)
    .find((entry) => (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`)));
}
