/**
 * The build's one browser: launched on first need (while the first briefs load), shared by every
 * brief, relaunched once if it crashes, closed at the end. It decides what a failed brief means:
 * the brief being printed when Chromium died fails, and a brief that was only waiting for a
 * page then gets one try on the fresh browser.
 */
import type { Printer, PrinterOptions } from './printer.js';

export type BrowserEvent = { type: 'browser'; path: string; reason: string; pid?: number | undefined };

export class BrowserSupervisor {
  private launching: Promise<Printer> | undefined;
  private relaunching: Promise<void> | undefined;
  /** The browser generation that crashed, once one has. */
  private crashed: number | undefined;

  constructor(
    private readonly options: PrinterOptions,
    private readonly onEvent?: (event: BrowserEvent) => void,
  ) {}

  /** The browser, launched on the first call. A launch failure is an environment error for the caller. */
  launch(): Promise<Printer> {
    this.launching ??= import('./printer.js').then(async ({ Printer }) => {
      const printer = await Printer.launch(this.options);
      this.onEvent?.({ type: 'browser', path: printer.chrome.path, reason: printer.chrome.reason, pid: printer.pid });
      return printer;
    });
    return this.launching;
  }

  /** The browser to print on: after a crash, the relaunched one. */
  printer(): Promise<Printer> {
    return this.relaunching ? this.relaunching.then(() => this.launch()) : this.launch();
  }

  /** The current browser generation (see Printer.generation), for `failed`. */
  async generation(): Promise<number | undefined> {
    return this.launching ? (await this.launching.catch(() => undefined))?.generation : undefined;
  }

  /**
   * What a brief's failure means, given the generation its attempt started on: `retry` (it was
   * waiting while another brief's print took the browser down), or the error to report. A crash
   * seen first starts the one relaunch.
   */
  async failed(error: unknown, generation: number | undefined, attempt: number): Promise<'retry' | Error> {
    if (this.crashed !== undefined && generation === this.crashed && attempt === 0) {
      await this.relaunching?.catch(() => undefined);
      return 'retry';
    }
    const printer = this.launching ? await this.launching.catch(() => undefined) : undefined;
    // A print that timed out on a browser that no longer answers (stopped, wedged) is a crash too:
    // without this every later brief waited out its own timeout on the same dead browser.
    const hung = printer !== undefined && (error as Error)?.name === 'PrintTimeoutError' && !(await printer.responsive());
    const down = printer !== undefined && (!printer.connected || hung);
    const reason = error instanceof Error ? error : new Error(String(error));
    if (down && this.crashed === undefined) {
      this.crashed = generation;
      this.relaunching = printer.relaunch();
      // If the relaunch fails too, each remaining brief reports it (through `printer()`).
      await this.relaunching.catch(() => undefined);
    }
    return down ? new Error(`Chromium stopped while printing this brief (${reason.message.split('\n')[0]})`) : reason;
  }

  /** False once the browser failed to launch or crashed: a session then replaces it. */
  async healthy(): Promise<boolean> {
    if (this.crashed !== undefined) return false;
    return this.launching
      ? this.launching.then(
          () => true,
          () => false,
        )
      : true;
  }

  /** Closes the browser if one was launched. */
  async close(): Promise<void> {
    if (this.launching) await (await this.launching.catch(() => undefined))?.close();
  }
}
