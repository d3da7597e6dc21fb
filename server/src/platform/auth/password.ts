import argon2 from 'argon2';
import { AppError } from '../errors/app-error.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): ~40 ms here, slow enough for guessing, fast enough to sign in.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];

/** 等保 2.0 practice: at least 8 characters drawn from at least 3 of the 4 character classes. */
export function isStrongPassword(password: string): boolean {
  if (password.length < 8 || password.length > 128) return false;
  return CLASSES.filter((c) => c.test(password)).length >= 3;
}

export function assertStrongPassword(password: string): void {
  if (!isStrongPassword(password)) throw new AppError('password_too_weak');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which names exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-account-Aa1!');
  return dummyHash;
}
