import { describe, expect, test } from 'vitest';
import { useDriver } from './driver.ts';

describe('opening the one map', () => {
  const app = useDriver();

  test('shows a loading sign while the tiles are on their way, and takes it away once they are drawn', async () => {
    const d = app();
    await d.signInAs('demo-office');
    // Tiles held back, as on a slow county network: the map must not look empty meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await d.page.route('**/api/tiles/**', async (route) => {
      await held;
      await route.continue();
    });

    await d.click('menu-map');
    expect(await d.text('map-loading')).toContain('正在加载地图');

    release();
    await d.byTestId('map-loading').waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await d.byTestId('map-canvas').getAttribute('data-ready')).toBe('true');
  });
});
