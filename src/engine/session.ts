/**
 * A build session: what consecutive builds of one project share — the browser and the worker
 * threads — so that `watch` and `serve` rebuild through exactly the path `build` takes (lock,
 * duplicate ids, cache, manifest, index) without paying for a new Chromium on every save.
 * A one-off `buildBriefs` opens a session for itself and closes it when the build ends.
 */
import { BrowserSupervisor, type BrowserEvent } from '../print/browser-supervisor.js';
import type { WorkerPool } from './threads/worker-pool.js';
import { parkPool, takePool } from './threads/idle-pool.js';
import type { WorkerLimits } from './threads/worker-limits.js';

export interface SessionOptions {
  chrome?: string | undefined;
  concurrency?: number | undefined;
  timeout?: number | undefined;
  /**
   * A live preview (`watch`, `serve`): each brief's HTML is written as soon as it is rendered,
   * its other formats when they are, and its PDF after it is printed, instead of all formats as
   * one change.
   */
  preview?: boolean | undefined;
  /** Time and memory each brief may take on a worker. */
  workerLimits?: Partial<WorkerLimits> | undefined;
  /** Tests only: see PoolOptions.hook. */
  workerHook?: string | undefined;
  /**
   * The session of one `buildBriefs` call: once its briefs are done, idle workers beyond one stop
   * before it publishes (their memory would add to the publish step's); one is kept for a next
   * build in this process (idle-pool.ts).
   */
  oneOff?: boolean | undefined;
}

export class BuildSession {
  private browser: BrowserSupervisor | undefined;
  private pool: WorkerPool | undefined;
  /** Where browser events go: the build running now. */
  private listener: ((event: BrowserEvent) => void) | undefined;

  constructor(private readonly options: SessionOptions) {}

  /** Whether builds in this session write a brief's other formats before printing its PDF (see SessionOptions). */
  get preview(): boolean {
    return this.options.preview === true;
  }

  /** The session's browser supervisor, created on first use; events go to the current build. */
  supervisor(onEvent: ((event: BrowserEvent) => void) | undefined): BrowserSupervisor {
    this.listener = onEvent;
    this.browser ??= new BrowserSupervisor(this.options, (event) => this.listener?.(event));
    return this.browser;
  }

  /**
   * Starts one worker before the build knows how many it wants: its start (a process and the
   * module load) then overlaps the build's planning. A build that wants none leaves it idle.
   */
  warm(): void {
    this.pool ??= takePool(1, { limits: this.options.workerLimits, hook: this.options.workerHook });
    this.pool.warm();
  }

  /** Workers for a build that wants `threads` of them (none for 0); kept for later builds. */
  workers(threads: number): WorkerPool | null {
    if (threads <= 0) return null;
    // A later build that would want another size reuses the workers it has: they are the cost.
    // A one-off build's pool was started (warm) before it knew its size.
    if (this.pool && this.options.oneOff) this.pool.grow(threads);
    this.pool ??= takePool(threads, { limits: this.options.workerLimits, hook: this.options.workerHook });
    return this.pool;
  }

  /** The build's briefs are done: what it needs no more is let go before it publishes (see `oneOff`). */
  briefsDone(): void {
    if (this.options.oneOff) this.pool?.shrink(1);
  }

  /**
   * Ends a build: a browser that failed to launch or crashed is closed so that the next build
   * starts a fresh one, rather than every later save failing on the same dead browser.
   */
  async afterBuild(): Promise<void> {
    this.listener = undefined;
    if (this.browser && !(await this.browser.healthy())) {
      await this.browser.close();
      this.browser = undefined;
    }
  }

  /** Closes the browser and the workers; `park` leaves idle workers a moment for the next one-off build (idle-pool.ts). */
  async close(park = false): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    const parked = pool !== undefined && park && pool.idle();
    if (parked) parkPool(pool);
    await Promise.all([parked ? undefined : pool?.close(), this.browser?.close()]);
    this.browser = undefined;
  }
}
