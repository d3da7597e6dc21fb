/** How a refused sign-in ends: the tries left before the lock, or the lock (in minutes). */
export type FailedSignIn = { remainingAttempts: number } | { lockedMinutes: number };

/**
 * Wrong guesses at names no account has, counted the way an account counts its own
 * (accounts.failed_attempts, locked_until): the same countdown, the same lock after the last try,
 * the same answers. Without it, "还可尝试 4 次" would tell that a name exists. Kept in this process's
 * memory, oldest names forgotten first: it only has to answer alike, not to lock anything.
 */
export class UnknownNames {
  private readonly tries = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(private readonly capacity = 10_000) {}

  fail(name: string, maxFailures: number, lockMinutes: number, now = Date.now()): FailedSignIn {
    const key = name.trim().toLowerCase();
    const entry = this.tries.get(key) ?? { failures: 0, lockedUntil: 0 };
    this.tries.delete(key);
    if (entry.lockedUntil > now) {
      this.tries.set(key, entry);
      return { lockedMinutes: Math.ceil((entry.lockedUntil - now) / 60_000) };
    }
    const failures = entry.failures + 1;
    const locked = failures >= maxFailures;
    this.tries.set(key, locked ? { failures: 0, lockedUntil: now + lockMinutes * 60_000 } : { failures, lockedUntil: 0 });
    if (this.tries.size > this.capacity) this.tries.delete(this.tries.keys().next().value!);
    return locked ? { lockedMinutes: lockMinutes } : { remainingAttempts: maxFailures - failures };
  }
}

export const unknownNames = new UnknownNames();
