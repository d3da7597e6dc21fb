import type { SessionRecord } from './sessions.ts';

/**
 * Sessions read in the last few seconds, so a burst of requests (a map pans through dozens of
 * tiles) costs one lookup instead of one each. Everything that ends a session or changes what it
 * grants forgets the entries it affects at once (sessions.ts, people service); the TTL bounds how
 * long another server instance may go on trusting a session revoked elsewhere (docs/scaling.md).
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;
const entries = new Map<string, { record: SessionRecord; storedAt: number }>();

export const sessionCache = {
  get(tokenHash: string): SessionRecord | undefined {
    const entry = entries.get(tokenHash);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt > TTL_MS) {
      entries.delete(tokenHash);
      return undefined;
    }
    return entry.record;
  },

  set(record: SessionRecord): void {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(record.token_hash, { record, storedAt: Date.now() });
  },

  forget(tokenHash: string): void {
    entries.delete(tokenHash);
  },

  forgetAccount(accountId: number): void {
    for (const [hash, { record }] of entries) if (record.account_id === accountId) entries.delete(hash);
  },

  /** After a post of this person changed: their rights may have too. */
  forgetPerson(personId: number): void {
    for (const [hash, { record }] of entries) if (record.person_id === personId) entries.delete(hash);
  },
};
