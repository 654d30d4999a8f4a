/**
 * Real PDFs, parsed with pdfjs-dist (no poppler needed): cover, contents page numbers against
 * where each heading really lands, running footer, outline, tagging, metadata, paper size and
 * reproducible bytes. One Chromium serves the whole file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { parseBrief, validateBrief, renderBrief, Printer, type Brief } from '../src/index.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const epoch = { SOURCE_DATE_EPOCH: '1761609600' };

interface TextItem {
  str: string;
  y: number;
}

async function openPdf(bytes: Uint8Array) {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: TextItem[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, y: item.transform[5] as number }] : [])));
  }
  const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
  const outline = (await document.getOutline()) ?? [];
  const markInfo = await document.getMarkInfo();
  const size = (await document.getPage(1)).view;
  return { document, pages, text: pages.map((items) => items.map((item) => item.str).join(' ')), info, outline, markInfo, size };
}

function load(path: string): Brief {
  const { brief, file } = validateBrief(parseBrief(readFileSync(path, 'utf8'), { path }));
  if (!brief) throw new Error(String(file.messages));
  return brief;
}

/** Every ActualText in the page content streams. */
async function actualTexts(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) continue;
    const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    for (const [, value] of text.matchAll(/\/ActualText\s*(<[^>]*>|\(\))/g)) found.push(value!);
  }
  return found;
}

let printer: Printer;
beforeAll(async () => {
  printer = await Printer.launch({ concurrency: 2 });
});
afterAll(async () => {
  await printer?.close();
});

describe('PDF of the sample brief', () => {
  const brief = load(join(root, 'briefs', 'sharaa-moscow-2025-10.md'));
  let pdf: Awaited<ReturnType<typeof openPdf>>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderBrief(brief, 'pdf', { printer, env: epoch });
    pdf = await openPdf(bytes);
  });

  it('is tagged, A4, and carries the metadata of the model', () => {
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.size.map(Math.round)).toEqual([0, 0, 596, 842]);
    expect(pdf.info.Title).toBe(brief.meta.title);
    expect(pdf.info.Author).toBe(brief.meta.authors.join(', '));
    expect(pdf.info.Subject).toBe(brief.meta.subtitle);
    // '; ' between keywords, so "transitional justice" stays one keyword where spaces would run them together.
    expect(pdf.info.Keywords).toBe(brief.meta.keywords.join('; '));
    expect(pdf.info.Producer).toMatch(/^briefsmith /);
    expect(pdf.info.CreationDate).toBe('D:20251028000000Z');
    expect(pdf.info.Language).toBe('en-GB');
  });

  it('has a cover without running header or footer, and "Page X of Y" on every other page', () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThan(8);
    expect(pdf.text[0]).toContain(brief.meta.title);
    expect(pdf.text[0]).not.toMatch(/Page \d+ of \d+/);
    for (let index = 1; index < total; index++) {
      expect(pdf.text[index]).toContain(`Page ${index + 1} of ${total}`);
      // Letter-spaced banners come out of the text layer one letter at a time.
      expect(pdf.text[index]!.replace(/\s+/g, '')).toContain('UNCLASSIFIED—OPENSOURCES');
    }
  });

  it('numbers every contents entry with the page its heading really starts on', () => {
    const contents = pdf.pages[1]!;
    // The footer's "Page 2 of 18" is an artifact, which pdf.js reads as items of their own: leave its line out.
    const footer = contents.find((item) => item.str.startsWith('Page'))!.y;
    const numbers = contents.filter((item) => /^\d+$/.test(item.str) && Math.abs(item.y - footer) > 0.5);
    const titles = [...brief.sections.filter((section) => section.title).map((section) => section.title!), ...brief.files.map((file) => file.title), 'Sources'];
    expect(numbers.length).toBe(titles.length);
    for (const title of titles) {
      const entry = contents.find((item) => item.str === title);
      expect(entry, title).toBeDefined();
      const number = numbers.find((item) => Math.abs(item.y - entry!.y) < 0.5);
      expect(number, `page number of ${title}`).toBeDefined();
      // Where the heading is: the first page after the contents with a text item that is exactly the title.
      const landed = pdf.pages.findIndex((items, index) => index > 1 && items.some((item) => item.str === title)) + 1;
      expect(Number(number!.str), title).toBe(landed);
    }
  });

  it('breaks words of its prose with hyphens, and keeps soft hyphens out of its text and the HTML', async () => {
    const source = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
    // pdf.js splits a line's text where a soft hyphen was: the pieces join without spaces.
    const text = pdf.pages.map((items) => items.map((item) => item.str).join('')).join('\n');
    // pdf.js drops soft hyphens by itself; poppler and others read the ActualText Chromium wrote.
    expect(await actualTexts(bytes)).not.toContainEqual(expect.stringMatching(/00AD/i));
    expect(await actualTexts(bytes)).toContainEqual(expect.stringMatching(/^\(\)$/));
    // Words of the brief split at a line end, not hyphens the brief wrote.
    const broken = [...text.matchAll(/(\p{Ll}+)-(\p{Ll}+)/gu)].filter(
      ([, head, tail]) => source.includes(head! + tail!) && !source.includes(`${head}-${tail}`),
    );
    expect(broken.length).toBeGreaterThan(10);
    expect(await renderBrief(brief, 'html')).not.toContain('\u00ad');
  });

  it('has an outline that lists the sections', () => {
    const titles = pdf.outline.flatMap(function walk(item): string[] {
      return [item.title, ...item.items.flatMap(walk)];
    });
    for (const section of brief.sections.filter((entry) => entry.title)) expect(titles).toContain(section.title);
  });
});

describe('PDF options and reproducibility', () => {
  const brief = load(join(fixturesDir, 'full', 'input.md'));

  it('gives byte-identical files for two renders with SOURCE_DATE_EPOCH', async () => {
    const [first, second] = await Promise.all([renderBrief(brief, 'pdf', { printer, env: epoch }), renderBrief(brief, 'pdf', { printer, env: epoch })]);
    expect(Buffer.from(first.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    const { info, text } = await openPdf(first);
    expect(info.Title).toBe('Talks in *Ruritania* | a [test] brief');
    expect(info.Author).toBe('Unit A, Unit B & C');
    expect(text[0]).toContain('Talks in *Ruritania*');
  });

  it('prints on Letter paper when asked', async () => {
    const { size, text } = await openPdf(await renderBrief(brief, 'pdf', { printer, env: epoch, paper: 'letter' }));
    expect(size.map(Math.round)).toEqual([0, 0, 612, 792]);
    expect(text[1]).toMatch(/Page 2 of \d+/);
  });

  it('sets Arabic right to left in the bundled Arabic face', async () => {
    const arabic = { ...brief, meta: { ...brief.meta, summary: 'The banner read النصر لسوريا on the day. [@alpha]' } };
    const html = await renderBrief(arabic, 'html');
    expect(html).toContain('<span dir="rtl" lang="ar">النصر لسوريا</span>');
    const document = await PDFDocument.load(await renderBrief(arabic, 'pdf', { printer, env: epoch }), { updateMetadata: false });
    const fonts = [...document.context.enumerateIndirectObjects()].flatMap(([, object]) => {
      if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type')) !== PDFName.of('Font')) return [];
      const name = object.lookup(PDFName.of('BaseFont'));
      return [{ font: object, name: name instanceof PDFName ? name.decodeText() : '' }];
    });
    expect(fonts.some(({ name }) => /^[A-Z]{6}\+NotoNaskhArabic/.test(name))).toBe(true);
    // Every font is embedded and none is synthesised (Type 3) or taken from the machine.
    for (const { font, name } of fonts) {
      expect(font.lookup(PDFName.of('Subtype')), name).not.toBe(PDFName.of('Type3'));
      if (font.lookup(PDFName.of('Subtype')) === PDFName.of('Type0')) continue;
      const descriptor = font.lookup(PDFName.of('FontDescriptor'));
      expect(descriptor instanceof PDFDict && (descriptor.has(PDFName.of('FontFile2')) || descriptor.has(PDFName.of('FontFile3'))), name).toBe(true);
      expect(name, name).toMatch(/^[A-Z]{6}\+(Source|Noto)/);
    }
  });
});
