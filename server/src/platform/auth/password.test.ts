import { describe, expect, it } from 'vitest';
import { hashPassword, isStrongPassword, verifyPassword } from './password.ts';

describe('password policy', () => {
  it('wants at least 8 characters', () => {
    expect(isStrongPassword('Ab1!xyz')).toBe(false);
    expect(isStrongPassword('Ab1!xyzw')).toBe(true);
  });

  it('wants three of the four character classes', () => {
    expect(isStrongPassword('abcdefgh1')).toBe(false); // two classes
    expect(isStrongPassword('abcdefg1A')).toBe(true); // lower, digit, upper
    expect(isStrongPassword('林长制护林员2026!')).toBe(false); // symbol + digit only
    expect(isStrongPassword('forest-chief-9')).toBe(true); // lower, symbol, digit
  });
});

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Forest-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Forest-2026')).toBe(true);
    expect(await verifyPassword(hash, 'forest-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'Forest-2026')).toBe(false);
  });
});
