/**
 * A fixed number of pages of one browser, handed out in turn: a print waits for an idle page, or
 * for a slot to open a new one in. A page that failed is closed and its slot handed on, never reused.
 */
import type { Browser, Page } from 'puppeteer-core';

export class PagePool {
  private readonly idle: Page[] = [];
  private readonly waiting: Array<(page: Page | null) => void> = [];
  private pages = 0;

  constructor(
    private browser: Browser,
    private readonly size: number,
  ) {}

  /** Waits for a page: an idle one, or null when this caller may open a new one (counted already). */
  turn(): Promise<Page | null> {
    const page = this.idle.pop();
    if (page) return Promise.resolve(page);
    if (this.pages < this.size) {
      this.pages++;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A page could not be opened in the slot a turn gave: the slot goes to the next waiter. */
  openFailed(): void {
    this.pages--;
    this.handOn();
  }

  /** Gives a page back after a print: reused when it printed, replaced when it failed. */
  release(page: Page, healthy: boolean): void {
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

  /** The browser is being replaced: pages of the old one are discarded. */
  discard(): void {
    this.idle.length = 0;
    this.pages = 0;
  }

  /**
   * After a relaunch (`browser` is the new one, or the old one when it failed): prints queued for
   * a page open one on the new browser (or, when the relaunch failed, try to and report why).
   */
  resume(browser: Browser): void {
    this.browser = browser;
    while (this.waiting.length > 0 && this.pages < this.size) this.handOn();
  }

  /** A page slot came free: the next waiter may open a new page. */
  private handOn(): void {
    const next = this.waiting.shift();
    if (!next) return;
    this.pages++;
    next(null);
  }
}
