/**
 * Contrast in print: the printed brief's text meets WCAG AA (4.5:1) as axe-core measures it with
 * the print stylesheet applied, and the PDF draws no text translucent (the likelihood range once
 * printed at `opacity: .8`, 4.15:1 on the judgments' background).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrief, Printer, renderBrief, validateBrief, type Brief } from '../src/index.js';
import { launchTestBrowser, runAxe } from './helpers/browser.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const epoch = { SOURCE_DATE_EPOCH: '1761609600' };

function load(path: string): Brief {
  const { brief, file } = validateBrief(parseBrief(readFileSync(path, 'utf8'), { path }));
  if (!brief) throw new Error(String(file.messages));
  return brief;
}

const sample = load(join(root, 'briefs', 'sharaa-moscow-2025-10.md'));
const trade = load(join(fixturesDir, 'trade-dispute', 'input.md'));

/** The fill opacities (`/ca`) of the graphics states the PDF's pages use. */
async function fillOpacities(bytes: Uint8Array): Promise<number[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const opacities: number[] = [];
  for (const page of document.getPages()) {
    const states = page.node.Resources()?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
    for (const [, reference] of states?.entries() ?? []) {
      const state = document.context.lookup(reference);
      const opacity = state instanceof PDFDict ? state.lookupMaybe(PDFName.of('ca'), PDFNumber) : undefined;
      if (opacity) opacities.push(opacity.asNumber());
    }
  }
  return opacities;
}

let browser: Browser;
let printer: Printer;
beforeAll(async () => {
  browser = await launchTestBrowser();
  printer = await Printer.launch({ concurrency: 1 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await printer?.close();
});

describe('contrast in print', () => {
  it.each([
    ['the sample', sample],
    ['the trade-dispute fixture', trade],
  ])(
    '%s with the print stylesheet: no colour-contrast failure (axe-core)',
    async (_name, brief) => {
      const page = await browser.newPage();
      try {
        await page.emulateMediaType('print');
        await page.setContent(await renderBrief(brief, 'html'), { waitUntil: 'load' });
        expect(await page.$$('.badge .range')).not.toHaveLength(0);
        const contrast = (await runAxe(page)).filter((violation) => violation.id === 'color-contrast');
        expect(contrast).toEqual([]);
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('the PDF draws no translucent text: every fill is opaque', async () => {
    const opacities = await fillOpacities(await renderBrief(trade, 'pdf', { printer, env: epoch }));
    expect(opacities.filter((opacity) => opacity < 1)).toEqual([]);
  }, 60_000);
});
