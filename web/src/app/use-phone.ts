import { useSyncExternalStore } from 'react';

// antd's md breakpoint (768 px): below it the office pages take their phone layout (menu in a
// drawer, lists as cards, the map's panels in a drawer and a bottom sheet).
const QUERY = '(max-width: 767.98px)';

const subscribe = (onChange: () => void) => {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

/**
 * Whether the screen is phone-narrow, known already at the first render (antd's useBreakpoint
 * answers only after an effect, too late for the map's first view).
 */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
