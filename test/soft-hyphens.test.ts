/** The finishing pass takes unbroken soft hyphens out of the text Chromium wrote, and nothing else. */
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { hideSoftHyphens } from '../src/pdf/soft-hyphens.js';

async function pageWith(contents: Uint8Array, filter = true): Promise<{ document: PDFDocument; reference: PDFRef }> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  const stream = PDFRawStream.of(document.context.obj(filter ? { Filter: 'FlateDecode' } : {}), contents);
  const reference = document.context.register(stream);
  page.node.set(PDFName.of('Contents'), reference);
  return { document, reference };
}

const textOf = (document: PDFDocument, reference: PDFRef) => inflateSync((document.context.lookup(reference) as PDFRawStream).contents).toString('latin1');

describe('hideSoftHyphens', () => {
  it('empties soft-hyphen ActualTexts and takes the soft hyphen out of a ligature, keeping every other one', async () => {
    const content = [
      '/Span<</ActualText <FEFF00AD> >> BDC 6.6 0 Td <0001> Tj EMC',
      '/Span<</ActualText <FEFF006600AD0066> >> BDC <0081> Tj EMC',
      '/Span<</ActualText <FEFF0066006C> >> BDC <007F> Tj EMC',
    ].join('\n');
    const { document, reference } = await pageWith(deflateSync(content));
    hideSoftHyphens(document);
    expect(textOf(document, reference)).toBe(
      [
        '/Span<</ActualText () >> BDC 6.6 0 Td <0001> Tj EMC',
        '/Span<</ActualText <FEFF00660066> >> BDC <0081> Tj EMC',
        '/Span<</ActualText <FEFF0066006C> >> BDC <007F> Tj EMC',
      ].join('\n'),
    );
  });

  it('leaves a stream alone when it has no soft hyphen, is not Flate, or cannot be inflated', async () => {
    for (const [bytes, filter] of [
      [deflateSync('BT <0001> Tj ET'), true],
      [new TextEncoder().encode('/Span<</ActualText <FEFF00AD> >> BDC EMC'), false],
      [new Uint8Array([1, 2, 3]), true],
    ] as const) {
      const { document, reference } = await pageWith(bytes, filter);
      const before = document.context.lookup(reference);
      hideSoftHyphens(document);
      expect(document.context.lookup(reference)).toBe(before);
    }
  });
});
