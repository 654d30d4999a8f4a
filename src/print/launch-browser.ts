/**
 * Starting Chromium, with a time limit, asking whether it still answers, and killing it: every
 * browser this process launched is kept by its kill switch, so that a signal handler can end them
 * all at once, whatever state they are in (@puppeteer/browsers starts each detached, in a process
 * group of its own).
 */
import type { Browser } from 'puppeteer-core';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { launchArgs, sandboxArgs } from './launch-args.js';
import type { FoundChrome } from './locate.js';

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

/** Kill switches of the browsers of this process whose process may still run. */
const running = new Set<AbortController>();

/** Kills every browser this process launched, synchronously (for SIGINT/SIGTERM handlers). */
export function killAllBrowsers(): void {
  for (const kill of running) kill.abort();
  running.clear();
}

/** A running browser and the switch that kills its whole process group. */
export interface LaunchedBrowser {
  browser: Browser;
  kill: AbortController;
}

/** Launches `chrome`; throws ChromeLaunchError when it fails or does not answer in time. */
export async function launchBrowser(chrome: FoundChrome): Promise<LaunchedBrowser> {
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

/** Ends a browser's process group (it may already be gone) and forgets its kill switch. */
export function killBrowser(launched: LaunchedBrowser): void {
  // Once disconnected, nothing listens on the pipes any more: killing the process then makes
  // them fail (ECONNRESET), which must not surface as an unhandled error of the caller.
  for (const stream of launched.browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
  launched.kill.abort();
  running.delete(launched.kill);
}

/** Whether `browser` is connected and answers a version query within `ms`. */
export async function answersWithin(browser: Browser, ms: number): Promise<boolean> {
  if (!browser.connected) return false;
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      browser.version().then(
        () => true,
        () => false,
      ),
      silent,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// puppeteer-core is loaded at the first launch: a build without PDFs never needs its ~200 modules.
async function launch(chrome: FoundChrome, signal: AbortSignal): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
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
