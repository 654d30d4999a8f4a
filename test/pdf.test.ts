/** One real PDF, parsed with pdfjs-dist (no poppler needed): title text, several pages, metadata. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseBrief, validateBrief, renderBrief } from '../src/index.js';
import { fixturesDir } from './helpers/fixtures.js';

async function pdfText(bytes: Uint8Array) {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const { info } = (await document.getMetadata()) as { info: Record<string, unknown> };
  return { pages, info };
}

describe('PDF output', () => {
  it('has the brief title, more than one page, and metadata from the model', async () => {
    const parsed = parseBrief(readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8'), { path: 'input.md' });
    const { brief } = validateBrief(parsed);
    const pdf = await renderBrief(brief!, 'pdf', { env: { SOURCE_DATE_EPOCH: '1761609600' } });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages, info } = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('Talks in *Ruritania*');
    expect(info.Title).toBe('Talks in *Ruritania* | a [test] brief');
    expect(info.Author).toBe('Unit A, Unit B & C');
  });
});
