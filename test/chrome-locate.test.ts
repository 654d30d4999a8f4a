/**
 * How briefsmith finds a browser. The bundled headless shell (@sparticuz/chromium) is what makes
 * PDFs work on a fresh machine, so it is tested directly, including two unpacks racing.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateChrome, ChromeNotFoundError, Printer } from '../src/index.js';
import { sparticuzExecutable, sparticuzPackage } from '../src/print/sparticuz.js';

const bundled = sparticuzPackage();
const previousCache = process.env.BRIEFSMITH_CACHE_DIR;
afterAll(() => {
  if (previousCache === undefined) delete process.env.BRIEFSMITH_CACHE_DIR;
  else process.env.BRIEFSMITH_CACHE_DIR = previousCache;
});

describe('locateChrome', () => {
  it('takes an explicit path first and names where it came from', async () => {
    const found = await locateChrome(process.execPath, {});
    expect(found).toMatchObject({ path: process.execPath, kind: 'explicit', reason: '--chrome' });
    const fromEnv = await locateChrome(undefined, { PUPPETEER_EXECUTABLE_PATH: process.execPath });
    expect(fromEnv.reason).toBe('PUPPETEER_EXECUTABLE_PATH');
  });

  it('refuses a path that does not exist, saying how to install a browser', async () => {
    await expect(locateChrome('/nonexistent/chrome', {})).rejects.toThrow(ChromeNotFoundError);
    await expect(locateChrome(undefined, { PUPPETEER_EXECUTABLE_PATH: '/nope' })).rejects.toThrow(/apt-get install chromium-headless-shell/);
  });
});

describe.skipIf(!bundled)('the headless shell bundled in @sparticuz/chromium', () => {
  it('unpacks once, safely when two builds race, and prints a PDF', async () => {
    process.env.BRIEFSMITH_CACHE_DIR = mkdtempSync(join(tmpdir(), 'bs-chrome-cache-'));
    const [first, second] = await Promise.all([sparticuzExecutable(), sparticuzExecutable()]);
    expect(first).toBe(second);
    expect(first).toContain(`sparticuz-chromium-${bundled!.version}`);
    expect(statSync(first!).mode & 0o111).not.toBe(0);
    const printer = await Printer.launch({ chrome: first!, concurrency: 1 });
    try {
      expect(printer.chrome.headless).toBe('shell');
      const pdf = await printer.print('<!doctype html><p>hello</p>', { paper: 'a4', headerTemplate: '<span></span>', footerTemplate: '<span></span>' });
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await printer.close();
    }
  });
});
