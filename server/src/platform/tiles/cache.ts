/** A rendered tile as it is kept: gzip-compressed once, served many times. Empty tiles are kept too. */
export interface CachedTile {
  gzip: Buffer;
  /** Uncompressed size; 0 = no feature in this tile. */
  bytes: number;
}

/**
 * Least-recently-used tiles up to a byte budget. Keys already carry the layer's version, the
 * caller's scope and the tile address, so nothing is ever invalidated in place: a write moves
 * the layer to a new version and the old entries simply age out. Concurrent requests for a tile
 * that is being rendered wait for that one render instead of starting their own.
 */
export class TileCache {
  private readonly entries = new Map<string, CachedTile>();
  private readonly pending = new Map<string, Promise<CachedTile>>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedTile | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** The cached tile, or a fresh render (stored); `fresh` skips the lookup but still shares a render under way. */
  async getOrRender(key: string, render: () => Promise<CachedTile>, fresh = false): Promise<{ tile: CachedTile; hit: boolean }> {
    const cached = fresh ? undefined : this.get(key);
    if (cached) return { tile: cached, hit: true };
    let pending = this.pending.get(key);
    if (!pending) {
      pending = render().finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
      this.put(key, await pending);
    }
    return { tile: await pending, hit: false };
  }

  put(key: string, tile: CachedTile): void {
    const size = tile.gzip.byteLength + key.length;
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.gzip.byteLength + key.length;
    }
    this.entries.set(key, tile);
    this.used += size;
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= v.gzip.byteLength + k.length;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.used };
  }
}
