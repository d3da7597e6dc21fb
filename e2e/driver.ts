import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

/**
 * The one file that knows Playwright (maputnik's e2e/playwright-helper.ts + maputnik-driver.ts).
 * Tests speak in the app's terms: sign in as a persona, open a page, click a test id.
 */

export const DEMO_PASSWORD = 'linzhang-demo';
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Headless Chromium that can also draw WebGL maps (SwiftShader), as maputnik runs it in CI. */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { width: 1440, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export class Driver {
  /** What the page wrote to the console as errors, and uncaught exceptions: printed when a test fails. */
  readonly problems: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseURL: string,
  ) {
    page.on('console', (m) => {
      // A 401 from /api/me is how a signed-out page learns it must sign in; Chrome logs it anyway.
      if (m.type() === 'error' && !m.text().includes('status of 401')) this.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async open(pathname: string): Promise<void> {
    await this.page.goto(new URL(pathname, this.baseURL).href);
  }

  async click(testId: string): Promise<void> {
    await this.byTestId(testId).click();
  }

  /**
   * Opens the Ant Design select carrying the test id and picks an option (a locator inside
   * `dropdown()`). A click that lands while the list is still sliding open only highlights the
   * option, so it is tried again until the list closes.
   */
  async pick(selectTestId: string, option: Locator): Promise<void> {
    if (!(await option.isVisible())) await this.click(selectTestId);
    for (let attempt = 1; ; attempt++) {
      await option.click();
      try {
        await option.waitFor({ state: 'hidden', timeout: 2_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** The open list of an Ant Design select (the selected option's label also shows in the select itself). */
  dropdown(): Locator {
    return this.page.locator('.ant-select-dropdown:visible');
  }

  /** Types into the input carrying the test id (or the input inside it). */
  async fill(testId: string, value: string): Promise<void> {
    const target = this.byTestId(testId);
    const input = (await target.evaluate((el) => el.matches('input, textarea'))) ? target : target.locator('input, textarea').first();
    await input.fill(value);
  }

  /** Signs in through the sign-in form, as a person would, and waits for the shell (its brand shows at every width). */
  async signInAs(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.open('/signin');
    await this.fill('signin-username', username);
    await this.fill('signin-password', password);
    await this.click('signin-submit');
    await this.byTestId('brand').waitFor();
  }

  /** Texts of every element with the test id, once at least one is there. */
  async texts(testId: string): Promise<string[]> {
    await this.byTestId(testId).first().waitFor();
    return (await this.byTestId(testId).allInnerTexts()).map((t) => t.trim());
  }

  async text(testId: string): Promise<string> {
    await this.byTestId(testId).first().waitFor();
    return (await this.byTestId(testId).first().innerText()).trim();
  }

  /** Calls the API with this page's session (cookie + CSRF token), for setting the scene quickly. */
  async api<T>(method: 'GET' | 'POST' | 'PATCH', pathname: string, data?: unknown): Promise<T> {
    const request = this.page.context().request;
    const url = new URL(pathname, this.baseURL).href;
    const me = await request.get(new URL('/api/me', this.baseURL).href);
    if (!me.ok()) throw new Error(`not signed in: ${me.status()}`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const res = await request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
    if (!res.ok()) throw new Error(`${method} ${pathname} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  async screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: options.fullPage ?? false });
    return file;
  }
}

/**
 * One browser per test file and a fresh browser context (no cookies, no storage) per test.
 * A failing test leaves a screenshot in e2e/artifacts/ and prints the page's console errors.
 */
export function useDriver(viewport: Viewport = DESKTOP): () => Driver {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let driver: Driver | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(15_000);
    driver = new Driver(await context.newPage(), inject('baseURL'));
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && driver) {
      const name = `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;
      await driver.screenshot(name, { fullPage: true }).catch(() => undefined);
      if (driver.problems.length) console.error(`Browser problems during "${task.name}":\n${driver.problems.join('\n')}`);
    }
    await context?.close();
  });

  return () => {
    if (!driver) throw new Error('the driver exists only inside a test');
    return driver;
  };
}
