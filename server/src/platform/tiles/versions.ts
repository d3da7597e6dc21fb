import type { Database } from '../../db/database.ts';
import { systemContext } from '../context.ts';

/** The channel the layer triggers notify on (see lz_layer_changed in the land migration). */
export const LAYER_CHANNEL = 'linzhang_layer_changed';
/** A lost LISTEN connection must not leave tiles stale for ever: re-read the versions this often regardless. */
const SAFETY_REFRESH_MS = 30_000;

/**
 * The current version of every map layer, held in memory so a tile request needs no query to
 * know whether its cached bytes are still good. Triggers bump `layer_versions` and notify on
 * every write; each notification re-reads the (tiny) table. A version reads as
 * `<counter>.<changed_at ms>`: the counter alone would repeat after a database is rebuilt, and a
 * browser holding an old ETag must not be told its tile is still current.
 */
export class LayerVersions {
  private tokens = new Map<string, string>();
  private stopListening: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    this.stopListening = await this.database.listen(LAYER_CHANNEL, () => this.refreshSoon());
    await this.refresh();
    this.timer = setInterval(() => this.refreshSoon(), SAFETY_REFRESH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.stopListening?.();
    await this.running;
  }

  /** One token for a tile layer built from several tables; '0' for a table never written. */
  token(tables: readonly string[]): string {
    return tables.map((t) => this.tokens.get(t) ?? '0').join('+');
  }

  /** Re-reads the versions now (and once more if a notification arrives meanwhile). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.read().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.refreshSoon();
      }
    });
    return this.running;
  }

  private refreshSoon() {
    // A failed read keeps the old versions until the next notification or the safety timer.
    this.refresh().catch(() => {});
  }

  private async read(): Promise<void> {
    const rows = await systemContext(this.database.app).run((tx) =>
      tx.selectFrom('layer_versions').select(['layer', 'version', 'changed_at']).execute(),
    );
    this.tokens = new Map(rows.map((r) => [r.layer, `${r.version}.${new Date(r.changed_at).getTime()}`]));
  }
}
