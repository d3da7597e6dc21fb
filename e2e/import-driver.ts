import type { Driver } from './driver.ts';

/** The import wizard in the app's terms: choose a target and a file, check, map, run, read the report. */
export class ImportDriver {
  constructor(readonly d: Driver) {}

  /** ① as the user does it: opens 数据导入, picks what to import, drops the file and uploads it. */
  async upload(target: string, file: string): Promise<void> {
    await this.d.open('/imports');
    await this.d.click(`import-target-${target}`);
    await this.d.byTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await this.d.click('import-upload');
  }

  /** Waits until the server has inspected the upload and the check step shows. */
  async checked(): Promise<void> {
    await this.d.byTestId('import-check').waitFor();
  }

  /** Opens an antd select by its test id and picks the option whose text is `title`. */
  async choose(testId: string, title: string): Promise<void> {
    await this.d.pick(testId, this.d.dropdown().getByTitle(title, { exact: true }));
  }

  /** ② → ③ */
  async toMapping(): Promise<void> {
    await this.d.click('check-next');
    await this.d.byTestId('import-mapping').waitFor();
  }

  /** ③ → ④ → ⑤: starts the import and waits for the report. */
  async run(): Promise<void> {
    await this.d.click('import-start');
    await this.d.byTestId('import-report').waitFor({ timeout: 60_000 });
  }

  /** A count of the report: read, imported, inserted, updated, replaced, repaired, rejected. */
  async count(key: string): Promise<number> {
    return Number((await this.d.text(`report-${key}`)).replace(/,/g, ''));
  }
}
