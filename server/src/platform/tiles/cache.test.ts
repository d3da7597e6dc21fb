import { describe, expect, it } from 'vitest';
import { TileCache, type CachedTile } from './cache.ts';

const tile = (size: number): CachedTile => ({ gzip: Buffer.alloc(size), bytes: size * 2 });

describe('the tile cache', () => {
  it('renders once and then serves the stored tile', async () => {
    const cache = new TileCache(10_000);
    let renders = 0;
    const render = async () => (renders++, tile(10));
    expect((await cache.getOrRender('a', render)).hit).toBe(false);
    expect((await cache.getOrRender('a', render)).hit).toBe(true);
    expect(renders).toBe(1);
  });

  it('lets concurrent requests for the same tile share one render', async () => {
    const cache = new TileCache(10_000);
    let renders = 0;
    const render = () => new Promise<CachedTile>((resolve) => setTimeout(() => resolve((renders++, tile(10))), 10));
    await Promise.all([cache.getOrRender('a', render), cache.getOrRender('a', render), cache.getOrRender('a', render)]);
    expect(renders).toBe(1);
  });

  it('renders again when asked for a fresh copy', async () => {
    const cache = new TileCache(10_000);
    let renders = 0;
    const render = async () => (renders++, tile(10));
    await cache.getOrRender('a', render);
    expect((await cache.getOrRender('a', render, true)).hit).toBe(false);
    expect(renders).toBe(2);
  });

  it('evicts the least recently used tiles to stay within its byte budget', () => {
    const cache = new TileCache(3 * (100 + 1));
    for (const key of ['a', 'b', 'c']) cache.put(key, tile(100));
    cache.get('a');
    cache.put('d', tile(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(303);
  });

  it('does not keep a tile larger than the whole budget', () => {
    const cache = new TileCache(50);
    cache.put('big', tile(100));
    expect(cache.get('big')).toBeUndefined();
  });

  it('does not keep a failed render', async () => {
    const cache = new TileCache(10_000);
    await expect(cache.getOrRender('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await cache.getOrRender('a', async () => tile(1))).hit).toBe(false);
  });
});
