/**
 * The published folder as a reader's browser shows it: the sample brief and the index loaded from
 * disk (file://) in headless Chromium, at a phone and a desktop width, light and dark. axe-core
 * finds no serious or critical WCAG 2.2 A/AA violation, nothing scrolls sideways, and printing
 * still gets the print layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { launchTestBrowser, runAxe, sidewaysOverflow } from './helpers/browser.js';
import { fullBrief, makeProject, minimalBrief } from './helpers/project.js';
import { root } from './helpers/fixtures.js';

// The published folder of a site-mode build (pages link assets/), with three briefs to search.
const cwd = makeProject({
  'briefs/sharaa-moscow-2025-10.md': readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8'),
  'briefs/full.md': fullBrief,
  'briefs/minimal.md': minimalBrief,
});
const out = join(cwd, 'out');
const pages = ['sharaa-moscow-2025-10.html', 'index.html'];
const widths = [360, 390, 1280];
let browser: Browser;

beforeAll(async () => {
  const build = runCli(['build', 'briefs', '--out', out, '--format', 'html,json', '--site'], { cwd });
  expect(build.status, build.stderr).toBe(0);
  browser = await launchTestBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

async function open(name: string, width: number, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(pathToFileURL(join(out, name)).href, { waitUntil: 'load' });
  return page;
}

describe.each(pages)('%s in a browser', (name) => {
  it.each(widths.flatMap((width) => (['light', 'dark'] as const).map((scheme) => [width, scheme] as const)))(
    'at %i px (%s) fits the window and passes axe-core',
    async (width, scheme) => {
      const page = await open(name, width, scheme);
      try {
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        const serious = (await runAxe(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(serious).toEqual([]);
        expect(await page.$('main')).not.toBeNull();
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});

describe('the brief page', () => {
  it('is a web page on screen and the print layout in print', async () => {
    const page = await open('sharaa-moscow-2025-10.html', 390, 'light');
    try {
      const coverHeight = () => page.evaluate(() => document.querySelector('.cover')!.getBoundingClientRect().height);
      // On screen the cover is as tall as what it holds: no sheet-of-paper emptiness.
      const onScreen = await coverHeight();
      const filled = await page.evaluate(() =>
        [...document.querySelector('.cover')!.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0),
      );
      expect(onScreen).toBeLessThan(filled + 60);
      await page.emulateMediaType('print');
      // In print it is the A4 cover page again (296 mm at 96 px per inch).
      expect(Math.round(await coverHeight())).toBe(Math.round((296 / 25.4) * 96));
    } finally {
      await page.close();
    }
  }, 60_000);

  it('drops smooth scrolling for readers who ask for reduced motion', async () => {
    const page = await open('sharaa-moscow-2025-10.html', 1280, 'light');
    try {
      const behaviour = () => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
      expect(await behaviour()).toBe('smooth');
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      expect(await behaviour()).toBe('auto');
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('the index page', () => {
  const visible = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll('#briefs > li:not([hidden])')].map((item) => (item as HTMLElement).dataset.id));

  it("searches the briefs' text offline, filters by keyword and classification, and sorts", async () => {
    const page = await open('index.html', 390, 'light');
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      expect(await page.$eval('#controls', (form) => (form as HTMLFormElement).hidden)).toBe(false);
      expect((await visible(page)).sort()).toEqual(['full-brief', 'minimal-brief', 'sharaa-moscow-2025-10']);
      // A word from the body of one brief only (not its title, summary or keywords).
      await page.type('#q', 'Kuznetsov');
      await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('matching'));
      expect(await visible(page)).toEqual(['sharaa-moscow-2025-10']);
      await page.$eval('#q', (input) => {
        (input as HTMLInputElement).value = '';
        input.dispatchEvent(new Event('input'));
      });
      await page.waitForFunction(() => !document.getElementById('status')!.textContent!.includes('matching'));
      await page.select('#keyword', 'Freedonia');
      expect(await visible(page)).toEqual(['full-brief']);
      await page.select('#keyword', '');
      await page.select('#classification', 'UNCLASSIFIED');
      expect(await visible(page)).toEqual(['minimal-brief']);
      await page.select('#classification', '');
      await page.select('#sort', 'title');
      const titles = await page.evaluate(() =>
        [...document.querySelectorAll('#briefs > li:not([hidden])')].map((item) => (item as HTMLElement).dataset.title!),
      );
      expect(titles).toEqual([...titles].sort((left, right) => left.localeCompare(right)));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
