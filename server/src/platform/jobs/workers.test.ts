import { describe, expect, it } from 'vitest';
import { newWorkerId, provablyDead, type Here } from './workers.ts';

describe('a job’s worker is certainly dead', () => {
  const me = newWorkerId();
  const [host, pid] = me.split(':') as [string, string];
  const here = (over: Partial<Here> = {}): Here => ({ host, pid: Number(pid), live: new Set([me]), exclusive: false, alive: (p) => p === 4242, ...over });

  it('when it is a runner of this process that has stopped, not while it runs', () => {
    expect(provablyDead(me, here())).toBe(false);
    expect(provablyDead(`${host}:${pid}:0badc0de`, here())).toBe(true);
  });

  it('when its process on this host is gone, not while it runs', () => {
    expect(provablyDead(`${host}:4242:0badc0de`, here())).toBe(false);
    expect(provablyDead(`${host}:4243:0badc0de`, here())).toBe(true);
  });

  it('never on another host’s word, unless the database is embedded and so this process’s alone', () => {
    expect(provablyDead('other-host:4243:0badc0de', here())).toBe(false);
    expect(provablyDead('other-host:4243:0badc0de', here({ exclusive: true }))).toBe(true);
    expect(provablyDead(`${host}:4242:0badc0de`, here({ exclusive: true }))).toBe(true);
  });
});
