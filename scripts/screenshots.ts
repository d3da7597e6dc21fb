// Screenshots of every office page at a desktop (1440×900) and a phone (390×844) size, as the
// demo office admin sees them, for looking at a change before and after. Needs a running server:
//   npx tsx scripts/screenshots.ts http://localhost:3000 out-dir [prefix]
// Each shot also reports whether the page scrolls sideways (scrollWidth over the window width).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, DEMO_PASSWORD, DESKTOP, PHONE, type Viewport } from '../e2e/driver.ts';

const [baseURL = 'http://localhost:3000', outDir = 'screenshots', prefix = ''] = process.argv.slice(2);

interface Shot {
  name: string;
  path: string;
  /** Something to click after the page settles (a tab, a button opening a drawer or a form). */
  click?: string;
}

async function firstId(page: Page, apiPath: string): Promise<number | undefined> {
  const answer = (await (await page.context().request.get(new URL(apiPath, baseURL).href)).json()) as { items?: { id: number }[] } | { id: number }[];
  const list = Array.isArray(answer) ? answer : (answer.items ?? []);
  return list[0]?.id;
}

async function tour(viewport: Viewport, label: string) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const save = async (name: string) => {
    await page.waitForTimeout(1200);
    const file = path.join(outDir, `${prefix}${name}-${label}.png`);
    await page.screenshot({ path: file });
    // A string, evaluated in the page: this script is compiled without the DOM's types.
    const [scroll, inner] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, window.innerWidth]');
    console.log(`${file}${scroll > inner ? `  OVERFLOWS sideways: ${scroll} > ${inner}` : ''}`);
  };

  await page.goto(new URL('/signin', baseURL).href);
  await save('signin');
  await page.getByTestId('signin-username').locator('input').or(page.getByTestId('signin-username')).first().fill('demo-office');
  await page.getByTestId('signin-password').locator('input').or(page.getByTestId('signin-password')).first().fill(DEMO_PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('brand').waitFor();

  const plan = await firstId(page, '/api/grid-plans');
  const person = await firstId(page, '/api/persons?page=1&pageSize=1');
  const shots: Shot[] = [
    { name: 'home', path: '/' },
    { name: 'map', path: '/map' },
    { name: 'grids', path: '/grids' },
    { name: 'grids-rules', path: '/grids?tab=rules' },
    ...(plan ? [{ name: 'plan', path: `/grids/${plan}` }] : []),
    { name: 'resources', path: '/resources' },
    { name: 'land-codes', path: '/land' },
    { name: 'land-export', path: '/land?tab=export' },
    { name: 'land-subcompartments', path: '/land?tab=sub-compartments' },
    { name: 'regions', path: '/regions' },
    { name: 'people', path: '/people' },
    { name: 'people-new', path: '/people', click: 'person-create' },
    ...(person ? [{ name: 'person', path: `/people/${person}` }] : []),
    { name: 'imports', path: '/imports' },
    { name: 'audit', path: '/audit' },
    { name: 'password', path: '/account/password' },
  ];
  for (const shot of shots) {
    await page.goto(new URL(shot.path, baseURL).href);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    if (shot.click) await page.getByTestId(shot.click).first().click({ timeout: 5_000 }).catch(() => console.log(`  (no ${shot.click} on ${shot.path})`));
    await save(shot.name);
  }
  await browser.close();
}

fs.mkdirSync(outDir, { recursive: true });
await tour(DESKTOP, 'desktop');
await tour(PHONE, 'phone');
