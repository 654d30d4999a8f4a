/**
 * One browser per build and a fixed pool of pages: launching Chromium costs far more than a
 * page, so a build launches once, prints every brief through the pool with bounded concurrency,
 * and closes the browser in `finally`.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { availableParallelism } from 'node:os';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { locateChrome, type FoundChrome } from './locate.js';
import { launchArgs, sandboxArgs } from './launch-args.js';
import { printPage, type PrintOptions } from './print-page.js';

export interface PrinterOptions {
  /** `--chrome PATH`. */
  chrome?: string | undefined;
  /** Pages printing at once (default: CPU count). */
  concurrency?: number | undefined;
  /** Milliseconds one brief may take before it fails (default 60 000). */
  timeout?: number | undefined;
}

/** Chromium was found but would not start (a wrong binary, missing libraries): an environment error, exit 2. */
export class ChromeLaunchError extends BriefsmithError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `Chromium at ${path} failed to start: ${reason.split('\n').find((line) => line.trim() !== '') ?? 'no reason given'}. Check it with \`briefsmith doctor\`, or pass another binary with --chrome.`,
    );
  }
}

/** How long Chromium has to answer after it is started: a binary that never speaks the protocol must not hold a build for minutes. */
export const launchTimeoutMs = 15_000;

/** How long a browser whose print timed out has to answer a version query before it counts as hung. */
const responsiveMs = 2_000;

/** A print that did not finish within the per-page timeout. */
export class PrintTimeoutError extends Error {
  constructor(timeout: number) {
    super(`Printing timed out after ${timeout} ms (Chromium did not respond)`);
    this.name = 'PrintTimeoutError';
  }
}

/**
 * Kill switches of the browsers of this process whose process may still run: aborting one kills
 * the browser's whole process group (@puppeteer/browsers starts it detached), connected or not.
 */
const running = new Set<AbortController>();

/** Kills every browser this process launched, synchronously (for SIGINT/SIGTERM handlers). */
export function killAllBrowsers(): void {
  for (const kill of running) kill.abort();
  running.clear();
}

interface Launched {
  browser: Browser;
  kill: AbortController;
}

/** A launched browser with a page pool. Create with `Printer.launch`, always `close()`. */
export class Printer {
  private readonly idle: Page[] = [];
  private readonly waiting: Array<(page: Page | null) => void> = [];
  private pages = 0;
  /** How many times the browser was relaunched: a print begun before a relaunch ran on the old one. */
  generation = 0;

  private constructor(
    private launched: Launched,
    readonly chrome: FoundChrome,
    private readonly options: { concurrency: number; timeout: number },
  ) {}

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
  async responsive(): Promise<boolean> {
    if (!this.browser.connected) return false;
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), responsiveMs);
    });
    try {
      return await Promise.race([
        this.browser.version().then(
          () => true,
          () => false,
        ),
        silent,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Prints standalone HTML to PDF bytes; fails after the timeout even when Chromium hangs outside
   * the page (a new tab). The time spent waiting for a free page does not count.
   */
  async print(html: string, options: Omit<PrintOptions, 'timeout'>): Promise<Uint8Array> {
    const turn = await this.turn();
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
      this.pages--;
      this.handOn();
      throw error;
    }
    let healthy = false;
    try {
      const pdf = await printPage(page, html, { ...options, timeout: this.options.timeout });
      healthy = true;
      return pdf;
    } finally {
      this.release(page, healthy);
    }
  }

  /**
   * Closes the browser (safe to call twice): politely while it answers (for at most five
   * seconds), then its process group is killed whatever state it is in, so a browser whose
   * connection dropped, or that hangs, never outlives the build.
   */
  async close(): Promise<void> {
    const { browser, kill } = this.launched;
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
    // Once disconnected, nothing listens on the pipes any more: killing the process then makes
    // them fail (ECONNRESET), which must not surface as an unhandled error of the caller.
    for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
    kill.abort();
    running.delete(kill);
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
    this.idle.length = 0;
    this.pages = 0;
    try {
      this.launched = await launchBrowser(this.chrome);
    } finally {
      // Prints queued for a page of the old browser open one on the new browser (or, when the
      // relaunch failed, try to and report why).
      while (this.waiting.length > 0 && this.pages < this.options.concurrency) this.handOn();
    }
  }

  /** Waits for a page: an idle one, or null when this caller may open a new one (counted already). */
  private turn(): Promise<Page | null> {
    const page = this.idle.pop();
    if (page) return Promise.resolve(page);
    if (this.pages < this.options.concurrency) {
      this.pages++;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A page slot came free: the next waiter may open a new page. */
  private handOn(): void {
    const next = this.waiting.shift();
    if (!next) return;
    this.pages++;
    next(null);
  }

  private release(page: Page, healthy: boolean): void {
    // A page of a browser since replaced: the relaunch already reset the count; just let it go.
    if (page.browser() !== this.browser) {
      void page.close().catch(() => undefined);
      return;
    }
    if (!healthy) {
      // A page that failed may be mid-navigation or crashed: replace it rather than reuse it.
      this.pages--;
      void page.close().catch(() => undefined);
      this.handOn();
      return;
    }
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }
}

async function launchBrowser(chrome: FoundChrome): Promise<Launched> {
  const kill = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    kill.abort();
  }, launchTimeoutMs);
  let browser: Browser;
  try {
    browser = await launch(chrome, kill.signal);
  } catch (error) {
    kill.abort();
    const reason = timedOut
      ? `it did not answer within ${launchTimeoutMs / 1000} s`
      : (error as Error).message.replace(/^Failed to launch the browser process!?\s*/i, '');
    throw new ChromeLaunchError(chrome.path, reason);
  } finally {
    clearTimeout(timer);
  }
  running.add(kill);
  browser.process()?.once('exit', () => running.delete(kill));
  return { browser, kill };
}

function launch(chrome: FoundChrome, signal: AbortSignal): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chrome.path,
    headless: chrome.headless,
    pipe: true,
    args: [...launchArgs, ...sandboxArgs()],
    // Signals are handled by the build, which closes the browser itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Aborted on a launch timeout, on close and on SIGINT/SIGTERM: kills the process group.
    signal,
  });
}
