import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth, useCan, useMe } from './auth.tsx';
import { BlockSpin, Forbidden } from './feedback.tsx';
import { permissionFor } from './menu.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Shell } from './shell/Shell.tsx';

// Each screen family is its own chunk: a ranger never downloads the audit log.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const SignInPage = page(() => import('../pages/signin/SignInPage.tsx'), 'SignInPage');
const HomePage = page(() => import('../pages/home/HomePage.tsx'), 'HomePage');
const MapPage = page(() => import('../pages/map/MapPage.tsx'), 'MapPage');
const RegionsPage = page(() => import('../pages/regions/RegionsPage.tsx'), 'RegionsPage');
const PeoplePage = page(() => import('../pages/people/PeoplePage.tsx'), 'PeoplePage');
const PersonPage = page(() => import('../pages/people/PersonPage.tsx'), 'PersonPage');
const AuditPage = page(() => import('../pages/audit/AuditPage.tsx'), 'AuditPage');
const GridsPage = page(() => import('../pages/grids/GridsPage.tsx'), 'GridsPage');
const PlanPage = page(() => import('../pages/grids/PlanPage.tsx'), 'PlanPage');
const ResourcesPage = page(() => import('../pages/resources/ResourcesPage.tsx'), 'ResourcesPage');
const LandPage = page(() => import('../pages/land/LandPage.tsx'), 'LandPage');
const ImportsPage = page(() => import('../pages/imports/ImportsPage.tsx'), 'ImportsPage');
const ChangePasswordPage = page(() => import('../pages/account/ChangePasswordPage.tsx'), 'ChangePasswordPage');

/** A module's page, shown only to users with the permission its menu entry names. */
function Guard({ module, children }: { module: string; children: ReactNode }) {
  const can = useCan();
  const me = useMe();
  // The server answers nothing else until a password someone else chose has been changed.
  if (me.account.passwordMustChange && module !== 'account') return <Navigate to="/account/password" replace />;
  const permission = permissionFor(module);
  if (permission && !can(permission)) return <Forbidden />;
  return <Suspense fallback={<BlockSpin minHeight={320} />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  {
    path: '/signin',
    element: (
      <Suspense fallback={<BlockSpin minHeight={480} />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Guard module="home"><HomePage /></Guard> },
      { path: 'map', element: <Guard module="map"><MapPage /></Guard> },
      { path: 'regions', element: <Guard module="regions"><RegionsPage /></Guard> },
      { path: 'people', element: <Guard module="people"><PeoplePage /></Guard> },
      { path: 'people/:id', element: <Guard module="people"><PersonPage /></Guard> },
      { path: 'audit', element: <Guard module="audit"><AuditPage /></Guard> },
      { path: 'grids', element: <Guard module="grids"><GridsPage /></Guard> },
      { path: 'grids/:planId', element: <Guard module="grids"><PlanPage /></Guard> },
      { path: 'resources', element: <Guard module="resources"><ResourcesPage /></Guard> },
      { path: 'land', element: <Guard module="land"><LandPage /></Guard> },
      { path: 'imports/:id?', element: <Guard module="imports"><ImportsPage /></Guard> },
      { path: 'account/password', element: <Guard module="account"><ChangePasswordPage /></Guard> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
