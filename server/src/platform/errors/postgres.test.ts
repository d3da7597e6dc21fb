import { describe, expect, it } from 'vitest';
import { fromPostgresError } from './postgres.ts';

const pgError = (code: string, message: string, extra: { constraint?: string; detail?: string } = {}) => Object.assign(new Error(message), { code, ...extra });

describe('PostgreSQL errors for people', () => {
  it('never puts PostgreSQL’s English or a constraint’s name in the message, only in details', () => {
    const cases = [
      pgError('22P02', 'invalid input syntax for type integer: "many"'),
      pgError('22007', 'invalid input syntax for type date: "yesterday-ish"'),
      pgError('22001', 'value too long for type character varying(60)'),
      pgError('XX000', 'parse error - invalid geometry'),
      pgError('23514', 'new row for relation "posts" violates check constraint "posts_secret_rule"', { constraint: 'posts_secret_rule' }),
      pgError('23505', 'duplicate key value violates unique constraint "some_internal_uq"', { constraint: 'some_internal_uq' }),
      pgError('23503', 'insert or update on table "x" violates foreign key constraint "x_y_fkey"', { constraint: 'x_y_fkey' }),
    ];
    for (const error of cases) {
      const translated = fromPostgresError(error)!;
      expect(translated.status).toBe(translated.code === 'duplicate' ? 409 : 400);
      expect(translated.message).not.toMatch(/[A-Za-z]/);
      const named = error.constraint ? translated.details.constraint === error.constraint : translated.details.cause === error.message;
      expect(named).toBe(true);
    }
  });

  it('names known constraints in Chinese', () => {
    expect(fromPostgresError(pgError('23514', 'check', { constraint: 'posts_dates' }))!.message).toBe('数据不符合规则：结束日期不能早于开始日期');
    expect(fromPostgresError(pgError('23505', 'dup', { constraint: 'persons_phone_uq' }))!.message).toBe('手机号已被使用');
  });

  it('leaves the server’s own errors to the 500 handler', () => {
    expect(fromPostgresError(pgError('42P01', 'relation "no_such_table" does not exist'))).toBeUndefined();
    expect(fromPostgresError(pgError('XX000', 'cache lookup failed for type 0'))).toBeUndefined();
  });
});
