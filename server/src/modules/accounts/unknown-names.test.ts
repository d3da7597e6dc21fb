import { describe, expect, it } from 'vitest';
import { UnknownNames } from './unknown-names.ts';

describe('wrong guesses at a name no account has', () => {
  it('count down and lock like an account: 4, 3, 2, 1 tries left, then locked for the whole lock time', () => {
    const names = new UnknownNames();
    const now = Date.UTC(2026, 11, 3);
    const answers = [0, 1, 2, 3, 4].map((i) => names.fail('Nobody', 5, 15, now + i));
    expect(answers).toEqual([{ remainingAttempts: 4 }, { remainingAttempts: 3 }, { remainingAttempts: 2 }, { remainingAttempts: 1 }, { lockedMinutes: 15 }]);
    // the same name in other letters is the same name, as usernames are
    const locked = now + 4;
    expect(names.fail(' nobody ', 5, 15, locked + 14 * 60_000)).toEqual({ lockedMinutes: 1 });
    expect(names.fail('nobody', 5, 15, locked + 15 * 60_000)).toEqual({ remainingAttempts: 4 });
  });

  it('forget the oldest names first when full', () => {
    const names = new UnknownNames(2);
    names.fail('a', 5, 15);
    names.fail('b', 5, 15);
    names.fail('a', 5, 15);
    names.fail('c', 5, 15);
    expect(names.fail('a', 5, 15)).toEqual({ remainingAttempts: 2 });
    expect(names.fail('b', 5, 15)).toEqual({ remainingAttempts: 4 });
  });
});
