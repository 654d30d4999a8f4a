/**
 * Finds a Chromium to print with, fastest first: an explicit path, Debian's headless shell, the
 * headless shell inside @sparticuz/chromium, then a full Chrome/Chromium.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { sparticuzExecutable } from './sparticuz.js';

export type ChromeKind = 'explicit' | 'headless-shell' | 'bundled-headless-shell' | 'chrome';

export interface FoundChrome {
  path: string;
  kind: ChromeKind;
  /** Puppeteer's `headless` mode for this binary: headless shells take 'shell'. */
  headless: 'shell' | true;
  /** How it was chosen, for `briefsmith doctor`. */
  reason: string;
}

/** Raised when no browser can be found; the CLI turns it into exit code 2. */
export class ChromeNotFoundError extends BriefsmithError {
  constructor(detail: string) {
    super(
      `No Chromium found to print PDFs (${detail}). Install one with \`apt-get install chromium-headless-shell\`, ` +
        'reinstall briefsmith with optional dependencies (`npm install --include=optional`), or pass `--chrome PATH`.',
    );
  }
}

const headlessShells = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium-headless-shell/chromium-headless-shell',
];
const fullBrowsers = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const looksLikeShell = (path: string) => /headless[-_]shell|sparticuz/.test(path);

/** Locates a browser. `explicit` is `--chrome`; `PUPPETEER_EXECUTABLE_PATH` comes next. */
export async function locateChrome(explicit?: string, env: NodeJS.ProcessEnv = process.env): Promise<FoundChrome> {
  const given = explicit ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (given) {
    const flag = explicit ? '--chrome' : 'PUPPETEER_EXECUTABLE_PATH';
    if (!existsSync(given)) throw new ChromeNotFoundError(`${flag} points to ${given}, which does not exist`);
    if (!isExecutableFile(given)) throw new ChromeNotFoundError(`${flag} points to ${given}, which is not an executable file`);
    return { path: given, kind: 'explicit', headless: looksLikeShell(given) ? 'shell' : true, reason: explicit ? '--chrome' : 'PUPPETEER_EXECUTABLE_PATH' };
  }
  const shell = headlessShells.find((path) => existsSync(path));
  if (shell) return { path: shell, kind: 'headless-shell', headless: 'shell', reason: 'system headless shell' };
  const bundled = await sparticuzExecutable().catch(() => null);
  if (bundled) return { path: bundled, kind: 'bundled-headless-shell', headless: 'shell', reason: 'headless shell from @sparticuz/chromium' };
  const full = fullBrowsers.find((path) => existsSync(path));
  if (full) return { path: full, kind: 'chrome', headless: true, reason: 'system Chrome/Chromium' };
  throw new ChromeNotFoundError('no headless shell, no @sparticuz/chromium, no system Chrome');
}
