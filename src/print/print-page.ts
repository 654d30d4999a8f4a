/**
 * Prints one document in a sandboxed page: JavaScript off, every request except `data:` refused,
 * and any navigation of the main frame treated as an attack that fails the print (so an error
 * page is never printed in place of the brief).
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { shellDocument, swapDocument } from '../pdf/swap-document.js';

export interface PrintOptions {
  paper: 'a4' | 'letter';
  /**
   * Chromium's own header/footer templates. briefsmith's templates do without them: the running
   * header and footer are CSS page margin boxes, which can be left off the cover page.
   */
  headerTemplate?: string | undefined;
  footerTemplate?: string | undefined;
  /** `@font-face` rules taken out of `html`: kept loaded in the page across briefs. */
  fonts?: string | undefined;
  timeout: number;
}

/** Raised when a document tried to leave its sandbox (a navigation or a blocked request). */
export class SandboxViolation extends Error {
  constructor(readonly url: string) {
    super(`The document tried to navigate to ${url.slice(0, 120)}; printing was stopped.`);
    this.name = 'SandboxViolation';
  }
}

/** A print that did not finish within the per-page timeout. */
export class PrintTimeoutError extends Error {
  constructor(timeout: number) {
    super(`Printing timed out after ${timeout} ms (Chromium did not respond)`);
    this.name = 'PrintTimeoutError';
  }
}

/** What a prepared page carries between prints: a violation seen during this print, the fonts its shell holds. */
interface PageState {
  violation: SandboxViolation | null;
  fonts: string | null;
}

async function prepare(page: Page, state: PageState, timeout: number): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith('data:')) {
      void request.continue();
      return;
    }
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && url !== 'about:blank') {
      state.violation ??= new SandboxViolation(url);
    }
    void request.abort('blockedbyclient');
  });
  await page.setContent(shellDocument(policy), { waitUntil: 'load', timeout });
}

/** The policy every printed document gets, whatever its template says: nothing but inline styles and data: fonts and images. */
const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'">`;

const states = new WeakMap<Page, PageState>();

/**
 * A document that navigates can destroy the context the swap runs in before puppeteer has
 * delivered the navigation's request event: give that event a moment, and report the attempt
 * rather than "Execution context was destroyed".
 */
async function violationOr(state: PageState, error: unknown): Promise<unknown> {
  if (!state.violation) await new Promise((resolve) => setTimeout(resolve, 100));
  return state.violation ?? error;
}

/** Loads `html` into `page` (see swap-document.ts) and prints it. */
export async function printPage(page: Page, html: string, options: PrintOptions): Promise<Uint8Array> {
  let state = states.get(page);
  if (!state) {
    state = { violation: null, fonts: null };
    await prepare(page, state, options.timeout);
    states.set(page, state);
  }
  state.violation = null;
  const fonts = options.fonts ?? '';
  let refused: { refresh: string } | null;
  try {
    // The fonts travel to the page only when they differ from the ones it has.
    refused = await page.evaluate(swapDocument, html, state.fonts === fonts ? null : fonts);
  } catch (error) {
    throw await violationOr(state, error);
  }
  state.fonts = fonts;
  if (refused) throw new SandboxViolation(refused.refresh || 'a refresh of itself');
  if (state.violation) throw state.violation;
  let pdf: Uint8Array;
  try {
    pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      // The sheet size comes from here, the margins from the stylesheet's @page rules.
      preferCSSPageSize: false,
      ...(options.headerTemplate || options.footerTemplate
        ? { displayHeaderFooter: true, headerTemplate: options.headerTemplate ?? '<span></span>', footerTemplate: options.footerTemplate ?? '<span></span>' }
        : {}),
      tagged: true,
      outline: true,
      timeout: options.timeout,
    });
  } catch (error) {
    throw await violationOr(state, error);
  }
  if (state.violation) throw state.violation;
  return pdf;
}
