/**
 * One browser per build and a fixed pool of pages: launching Chromium costs far more than a
 * page, so a build launches once, prints every brief through the pool with bounded concurrency,
 * and closes the browser in `finally`.
 */
import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { answersWithin, killBrowser, launchBrowser, type LaunchedBrowser } from './launch-browser.js';
import { locateChrome, type FoundChrome } from './locate.js';
import { PagePool } from './page-pool.js';
import { PrintTimeoutError, printPage, type PrintOptions } from './print-page.js';

export { ChromeLaunchError, killAllBrowsers, launchTimeoutMs } from './launch-browser.js';

export interface PrinterOptions {
  /** `--chrome PATH`. */
  chrome?: string | undefined;
  /** Pages printing at once (default: CPU count). */
  concurrency?: number | undefined;
  /** Milliseconds one brief may take before it fails (default 60 000). */
  timeout?: number | undefined;
}

/** How long a browser whose print timed out has to answer a version query before it counts as hung. */
const responsiveMs = 2_000;

/** A launched browser with a page pool. Create with `Printer.launch`, always `close()`. */
export class Printer {
  private readonly pool: PagePool;
  /** How many times the browser was relaunched: a print begun before a relaunch ran on the old one. */
  generation = 0;

  private constructor(
    private launched: LaunchedBrowser,
    readonly chrome: FoundChrome,
    private readonly options: { concurrency: number; timeout: number },
  ) {
    this.pool = new PagePool(launched.browser, options.concurrency);
  }

  /** Finds and launches Chromium. Throws ChromeNotFoundError when there is none. */
  static async launch(options: PrinterOptions = {}): Promise<Printer> {
    const chrome = await locateChrome(options.chrome);
    const launched = await launchBrowser(chrome);
    return new Printer(launched, chrome, {
      concurrency: Math.max(1, options.concurrency ?? availableParallelism()),
      timeout: options.timeout ?? 60_000,
    });
  }

  private get browser(): Browser {
    return this.launched.browser;
  }

  /** The browser's version string, e.g. "HeadlessChrome/143.0.7499.0". */
  version(): Promise<string> {
    return this.browser.version();
  }

  /** Whether the browser answers a version query within two seconds (a stopped or wedged one does not). */
  responsive(): Promise<boolean> {
    return answersWithin(this.browser, responsiveMs);
  }

  /**
   * Prints standalone HTML to PDF bytes; fails after the timeout even when Chromium hangs outside
   * the page (a new tab). The time spent waiting for a free page does not count.
   */
  async print(html: string, options: Omit<PrintOptions, 'timeout'>): Promise<Uint8Array> {
    const turn = await this.pool.turn();
    const printing = this.printOnce(turn, html, options);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeoutError(this.options.timeout)), this.options.timeout);
    });
    // A print that finishes after its timeout releases its own page; its result is dropped.
    printing.catch(() => undefined);
    try {
      return await Promise.race([printing, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async printOnce(turn: Page | null, html: string, options: Omit<PrintOptions, 'timeout'>): Promise<Uint8Array> {
    let page: Page;
    try {
      page = turn ?? (await this.browser.newPage());
    } catch (error) {
      this.pool.openFailed();
      throw error;
    }
    let healthy = false;
    try {
      const pdf = await printPage(page, html, { ...options, timeout: this.options.timeout });
      healthy = true;
      return pdf;
    } finally {
      this.pool.release(page, healthy);
    }
  }

  /**
   * Closes the browser (safe to call twice): politely while it answers (for at most five
   * seconds), then its process group is killed whatever state it is in, so a browser whose
   * connection dropped, or that hangs, never outlives the build.
   */
  async close(): Promise<void> {
    const { browser } = this.launched;
    if (browser.connected) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        browser.close().catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 5_000);
        }),
      ]);
      clearTimeout(timer);
    }
    killBrowser(this.launched);
  }

  /** The browser's process id (for diagnostics and fault tests). */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  /** True while the browser process is alive and connected. */
  get connected(): boolean {
    return this.browser.connected;
  }

  /** Relaunches after a crash; pages of the old browser are discarded. */
  async relaunch(): Promise<void> {
    this.generation++;
    await this.close();
    this.pool.discard();
    try {
      this.launched = await launchBrowser(this.chrome);
    } finally {
      this.pool.resume(this.browser);
    }
  }
}
