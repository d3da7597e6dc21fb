import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, anotherApp, Client, signIn, startTestApp, type TestApp } from '../../../test/app.ts';
import { hashToken } from '../../platform/auth/sessions.ts';
import { holderOf, SHASHI, SHUIDONG } from '../../../test/personas.ts';
import { TEST_PASSWORD } from '../../../test/template.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) => anonymous(t).post('/api/auth/login', { username, password });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite session cookie and answers /api/me', async () => {
    const res = await login('demo-office', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/lz_session=/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/); // plain HTTP in tests; Secure is set when the request is HTTPS

    const me = (await signIn(t, 'demo-office')).get('/api/me');
    expect((await me).json()).toMatchObject({ account: { username: 'demo-office' }, scope: [{ code: '360702000000', name: '章贡区' }] });
  });

  it('accepts the phone number of the account holder as the sign-in name', async () => {
    const phone = await t.system.run(async (tx) =>
      (await tx.selectFrom('accounts').innerJoin('persons', 'persons.id', 'accounts.person_id').select('persons.phone').where('username', '=', 'demo-village').executeTakeFirstOrThrow()).phone,
    );
    expect((await login(phone!, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a wrong password with the tries left before the lock, and an unknown name with the same answers, so no answer tells which names exist', async () => {
    const unknown = [await login('nobody-here', 'whatever'), await login('nobody-here', 'whatever')];
    expect(unknown[0]!.statusCode).toBe(401);
    expect(unknown[0]!.json()).toEqual({
      error: { code: 'invalid_credentials', message: '用户名或密码错误，还可尝试 4 次，之后账号将锁定 15 分钟', details: { remainingAttempts: 4, lockMinutes: 15 } },
    });
    expect(unknown[1]!.json().error).toMatchObject({ message: '用户名或密码错误，还可尝试 3 次，之后账号将锁定 15 分钟', details: { remainingAttempts: 3 } });
    for (const earlier of unknown) {
      const wrong = await login('demo-supervisor', 'not-the-password');
      expect(wrong.statusCode).toBe(earlier.statusCode);
      expect(wrong.json()).toEqual(earlier.json());
    }
  });

  it('locks the account for 15 minutes after 5 failures, even against the right password; it opens again after them', async () => {
    const target = await holderOf(t, 'office_staff', SHUIDONG);
    const username = (await target.get('/api/me')).json().account.username as string;
    for (let i = 1; i <= 4; i++) {
      expect((await login(username, 'Wrong-pass-1')).json().error).toMatchObject({ code: 'invalid_credentials', details: { remainingAttempts: 5 - i } });
    }
    const fifth = await login(username, 'Wrong-pass-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toMatchObject({ code: 'account_locked', details: { minutes: 15 } });
    expect((await login(username, TEST_PASSWORD)).json().error.code).toBe('account_locked');

    // the stored lock ends 15 minutes after the fifth failure, by the database's clock
    const { seconds } = await t.system.run(
      async (tx) => (await sql<{ seconds: number }>`select extract(epoch from locked_until - now())::float8 as seconds from accounts where username = ${username}`.execute(tx)).rows[0]!,
    );
    expect(seconds).toBeGreaterThan(15 * 60 - 30);
    expect(seconds).toBeLessThanOrEqual(15 * 60);

    const audit = await t.system.run((tx) =>
      tx.selectFrom('audit_log').select(['action', 'ip']).where('entity', '=', 'accounts').where('action', 'in', ['auth.login_failed', 'auth.login_refused']).execute(),
    );
    expect(audit.filter((a) => a.action === 'auth.login_failed').length).toBeGreaterThanOrEqual(5);
    expect(audit.every((a) => a.ip === '127.0.0.1')).toBe(true);

    // as if 14 minutes had passed: still locked; as if 15 had: the right password works again
    const passMinutes = (minutes: number) =>
      t.system.run((tx) => sql`update accounts set locked_until = locked_until - make_interval(mins => ${minutes}) where username = ${username}`.execute(tx));
    await passMinutes(14);
    expect((await login(username, TEST_PASSWORD)).json().error).toMatchObject({ code: 'account_locked', details: { minutes: 1 } });
    await passMinutes(1);
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an office can unlock a locked account at once', async () => {
    const target = await holderOf(t, 'office_staff', SHASHI);
    const username = (await target.get('/api/me')).json().account.username as string;
    for (let i = 1; i <= 5; i++) await login(username, 'Wrong-pass-1');
    expect((await login(username, TEST_PASSWORD)).json().error.code).toBe('account_locked');
    const office = await signIn(t, 'demo-office');
    const accountId = await t.system.run(async (tx) => (await tx.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
    expect((await office.post(`/api/accounts/${accountId}/unlock`)).statusCode).toBe(200);
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends the session at once on logout', async () => {
    const client = await signIn(t, 'demo-ranger');
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await client.get('/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_expired');
  });

  it('expires an office session after 30 idle minutes', async () => {
    const client = await signIn(t, 'demo-ranger');
    await t.database.owner.query(`update sessions set last_seen_at = now() - interval '31 minutes' where token_hash = $1`, [hashToken(client.session!.cookie)]);
    expect((await client.get('/api/me')).json().error.code).toBe('session_expired');
  });

  it('keeps an office session that has been idle for 29 minutes', async () => {
    const client = await signIn(t, 'demo-ranger');
    await t.database.owner.query(`update sessions set last_seen_at = now() - interval '29 minutes' where token_hash = $1`, [hashToken(client.session!.cookie)]);
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });

  it('expires an office session 12 hours after sign-in however active it was', async () => {
    const client = await signIn(t, 'demo-ranger');
    await t.database.owner.query(`update sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [hashToken(client.session!.cookie)]);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('changes the password: weak ones refused, then every old session ends and a new one works', async () => {
    const target = await holderOf(t, 'guide', SHUIDONG);
    const other = await holderOf(t, 'guide', SHUIDONG);
    const weak = await target.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'alllowercase' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('password_too_weak');
    const wrongCurrent = await target.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Forest-2026!' });
    expect(wrongCurrent.json().error.code).toBe('password_incorrect');

    const changed = await target.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Forest-2026!' });
    expect(changed.statusCode).toBe(200);
    expect((await target.get('/api/me')).statusCode).toBe(401);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    const username = (await t.system.run((tx) => sql<{ username: string }>`select username from accounts where username like 't-guide-%'`.execute(tx))).rows[0]!.username;
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(username, 'Forest-2026!')).statusCode).toBe(200);
  });
});

describe('the session cookie over HTTPS', () => {
  it('is Secure when the request arrived over HTTPS at a trusted proxy, and only then', async () => {
    const behindProxy = await anotherApp(t, { TRUST_PROXY: 'true', COOKIE_SECURE: 'auto' });
    try {
      const signIn = (headers: Record<string, string>) =>
        behindProxy.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-office', password: TEST_PASSWORD }, headers });
      const https = await signIn({ 'x-forwarded-proto': 'https' });
      expect(https.statusCode).toBe(200);
      expect(https.cookies.find((c) => c.name === 'lz_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      const http = await signIn({ 'x-forwarded-proto': 'http' });
      expect(http.cookies.find((c) => c.name === 'lz_session')?.secure).toBeFalsy();
    } finally {
      await behindProxy.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the session token', async () => {
    const client = await signIn(t, 'demo-office');
    const res = await client.request('POST', '/api/persons', { regionCode: SHUIDONG, name: '张三' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('refuses a write from another origin even with the token', async () => {
    const client = await signIn(t, 'demo-office');
    const res = await client.request('POST', '/api/persons', { regionCode: SHUIDONG, name: '张三' }, { origin: 'https://evil.example' });
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('refuses an opaque or unparsable Origin (a sandboxed frame sends "null") with 403, not 500', async () => {
    const client = await signIn(t, 'demo-office');
    for (const origin of ['null', 'not a url', 'http://']) {
      const res = await client.request('POST', '/api/persons', { regionCode: SHUIDONG, name: '张三' }, { origin });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'csrf_failed', message: '请求来源校验失败，请刷新页面后重试' });
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 with a Chinese message when one address tries too fast', async () => {
    const limited = await anotherApp(t, { LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const attempt = () => limited.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      expect(res.statusCode).toBe(429);
      expect(res.json().error).toMatchObject({ code: 'rate_limited' });
      expect(res.json().error.message).toMatch(/^请求过于频繁，请\d+ (秒|分钟)后再试$/);
      expect(res.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('password change rate limit', () => {
  it('answers 429 when one account tries current passwords too fast, even the right one', async () => {
    const limited = await anotherApp(t, { LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const signedIn = await limited.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-township', password: TEST_PASSWORD } });
      const client = new Client(limited, { cookie: signedIn.cookies.find((c) => c.name === 'lz_session')!.value, csrfToken: signedIn.json().csrfToken });
      const change = (currentPassword: string) => client.post('/api/auth/password', { currentPassword, newPassword: 'Forest-2026!' });
      for (let i = 0; i < 3; i++) expect((await change(`Guess-${i}-2026`)).json().error.code).toBe('password_incorrect');
      const res = await change(TEST_PASSWORD);
      expect(res.statusCode).toBe(429);
      expect(res.json().error).toMatchObject({ code: 'rate_limited' });
      expect(res.json().error.message).toMatch(/^请求过于频繁，请\d+ (秒|分钟)后再试$/);
      expect((await login('demo-township', TEST_PASSWORD)).statusCode).toBe(200); // the password did not change
    } finally {
      await limited.close();
    }
  });
});

describe('production mode', () => {
  it('refuses demo accounts', async () => {
    const production = await anotherApp(t, { NODE_ENV: 'production', SESSION_SECRET: 'a-real-production-secret-0123456789abcdef' });
    try {
      const res = await production.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-office', password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('demo_account_refused');
    } finally {
      await production.close();
    }
  });
});
