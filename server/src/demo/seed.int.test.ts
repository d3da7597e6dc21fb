import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { officeAdmin } from '../../test/personas.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the seeded demo county reads in order', () => {
  it('shows every grid plan created before it was switched on, and switched on before it was archived', async () => {
    const plans = (await (await officeAdmin(t)).get('/api/grid-plans')).json() as Array<{ name: string; createdAt: string; activatedAt: string | null; archivedAt: string | null }>;
    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans) {
      expect(plan.activatedAt, plan.name).not.toBeNull();
      expect(Date.parse(plan.createdAt), plan.name).toBeLessThanOrEqual(Date.parse(plan.activatedAt!));
      if (plan.archivedAt) expect(Date.parse(plan.activatedAt!), plan.name).toBeLessThanOrEqual(Date.parse(plan.archivedAt));
    }
  });
});
