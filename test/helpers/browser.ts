/** A real headless Chromium for reading-view tests: the one the PDF printer would use, found the same way. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { locateChrome } from '../../src/print/locate.js';
import { launchArgs, sandboxArgs } from '../../src/print/launch-args.js';

const require = createRequire(import.meta.url);

export async function launchTestBrowser(): Promise<Browser> {
  const chrome = await locateChrome();
  return puppeteer.launch({ executablePath: chrome.path, headless: chrome.headless, args: [...launchArgs, ...sandboxArgs()] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core on the loaded page against WCAG 2.2 A and AA; returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // The page's CSP forbids every script, axe included: the test adds it as the browser's own.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** How far the page scrolls sideways: 0 when it fits the window. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
