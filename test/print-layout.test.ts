/**
 * The print layout, measured on real PDFs: sections flow instead of each taking a new page, a
 * contents page only where it helps, headings never last on a page, empty sections left out,
 * and the house colours reaching the running header and footer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { parseBrief, validateBrief, renderBrief, Printer, type Brief } from '../src/index.js';
import { wantsContents } from '../src/render/contents.js';
import { builtinTemplatesDir } from '../src/render/template-files.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const epoch = { SOURCE_DATE_EPOCH: '1761609600' };
const samplePath = join(root, 'briefs', 'sharaa-moscow-2025-10.md');
const tradePath = join(fixturesDir, 'print', 'trade-dispute.md');

interface TextItem {
  str: string;
  y: number;
}

/** Each page's text items with their baselines (PDF points from the bottom). */
async function pagesOf(bytes: Uint8Array): Promise<TextItem[][]> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: TextItem[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, y: item.transform[5] as number }] : [])));
  }
  return pages;
}

function parse(text: string, path = 'brief.md') {
  return validateBrief(parseBrief(text, { path }));
}

function load(path: string, edit: (text: string) => string = (text) => text): Brief {
  const { brief, file } = parse(edit(readFileSync(path, 'utf8')), path);
  if (!brief) throw new Error(String(file.messages));
  return brief;
}

/** The running footer sits in the bottom margin (22 mm ≈ 62 pt); body text is above it. */
const footerTop = 62;

/** Every section and file heading is followed, on its own page, by body text below it. */
function expectHeadingsKeptWithText(pages: TextItem[][], brief: Brief): void {
  const titles = [
    ...brief.sections.filter((section) => section.title && section.blocks.length > 0).map((section) => section.title),
    ...brief.files.map((file) => file.title),
    'Sources',
  ];
  // Headings are looked for after the cover (a note has none) and the contents page, which lists them too.
  const contents = pages.findIndex((items) => items.some((item) => item.str === 'Contents'));
  const contentsPage = contents === -1 ? (brief.meta.layout === 'note' ? -1 : 0) : contents;
  for (const title of titles) {
    const index = pages.findIndex((items, page) => page > contentsPage && items.some((item) => item.str === title));
    expect(index, title).toBeGreaterThan(contentsPage);
    const heading = pages[index]!.find((item) => item.str === title)!;
    const below = pages[index]!.filter((item) => item.y < heading.y - 4 && item.y > footerTop);
    expect(below.length, `text under "${title}" on page ${index + 1}`).toBeGreaterThan(0);
  }
}

let printer: Printer;
beforeAll(async () => {
  printer = await Printer.launch({ concurrency: 2 });
});
afterAll(async () => {
  await printer?.close();
});

describe('a short brief on a new subject', () => {
  const brief = load(tradePath);
  let pages: TextItem[][];
  beforeAll(async () => {
    pages = await pagesOf(await renderBrief(brief, 'pdf', { printer, env: epoch }));
  });

  it('prints in at most three pages: the cover, then sections that flow, with no contents page', () => {
    expect(wantsContents(brief)).toBe(false);
    expect(pages.length).toBeLessThanOrEqual(3);
    const text = pages.map((items) => items.map((item) => item.str).join(' '));
    expect(text.join(' ')).not.toContain('Contents');
    // Key judgments, Background and State of play share the first page after the cover.
    for (const title of ['Key judgments', 'Background', 'State of play'])
      expect(
        pages[1]!.map((item) => item.str),
        title,
      ).toContain(title);
  });

  it('keeps every heading with the text under it', () => {
    expectHeadingsKeptWithText(pages, brief);
  });

  it('prints a contents page when the brief asks for one', async () => {
    const always = load(tradePath, (text) => text.replace('lang: en-GB', 'lang: en-GB\ncontents: always'));
    expect(wantsContents(always)).toBe(true);
    const withContents = await pagesOf(await renderBrief(always, 'pdf', { printer, env: epoch }));
    expect(withContents[1]!.map((item) => item.str)).toContain('Contents');
    expect(withContents.length).toBe(pages.length + 1);
  });
});

describe('a note (`layout: note`)', () => {
  it('prints its header, key judgments, background and sources in at most two pages, without a cover or contents', async () => {
    const note = load(join(fixturesDir, 'note', 'input.md'));
    expect(wantsContents(note)).toBe(false);
    expect(wantsContents({ ...note, meta: { ...note.meta, contents: 'always' } })).toBe(true);
    const pages = await pagesOf(await renderBrief(note, 'pdf', { printer, env: epoch }));
    expect(pages.length).toBeLessThanOrEqual(2);
    const first = pages[0]!.map((item) => item.str);
    for (const text of ['Kestria’s export licences', 'Key judgments', 'Background']) expect(first, text).toContain(text);
    expect(first.join('').replace(/\s+/g, '')).toContain('BOTTOMLINEUPFRONT');
    expect(first.join(' ')).toMatch(/Page 1 of \d/);
    expectHeadingsKeptWithText(pages, note);
  });
});

describe('a note that asks for contents (`contents: always`)', () => {
  it('prints them under its header block, with the page number of every entry', async () => {
    const note = load(join(fixturesDir, 'note', 'input.md'), (text) => text.replace('layout: note', 'layout: note\ncontents: always'));
    const pages = await pagesOf(await renderBrief(note, 'pdf', { printer, env: epoch }));
    const first = pageText(pages[0]!);
    expect(first.indexOf('BOTTOM LINE UP FRONT')).toBeLessThan(first.indexOf('Contents'));
    const titles = ['Key judgments', 'Background', 'Sources'];
    const numbers = titles.map((title) => pages.findIndex((items, index) => index > 0 && items.some((item) => item.str === title)) + 1);
    expect(numbers.every((number) => number > 1)).toBe(true);
    // The numbers are drawn after printing, so the page's text lists them after the entries.
    expect(first).toContain(`Contents ${titles.join(' ')} ${numbers.join(' ')}`);
  });
});

describe('the second sample, a note on the Russian bases', () => {
  it('prints in at most two pages, every heading kept with its text', async () => {
    const note = load(join(root, 'briefs', 'russian-bases-2025-10.md'));
    expect(note.meta.layout).toBe('note');
    const pages = await pagesOf(await renderBrief(note, 'pdf', { printer, env: epoch }));
    expect(pages.length).toBeLessThanOrEqual(2);
    expectHeadingsKeptWithText(pages, note);
  });
});

/** Page text with its items joined and spaces collapsed: a phrase split across lines still reads as one. */
const pageText = (items: TextItem[]) =>
  items
    .map((item) => item.str)
    .join(' ')
    .replace(/\s+/g, ' ');

describe('the trade-dispute fixture (a legal analysis that is not an extradition)', () => {
  const brief = load(join(fixturesDir, 'trade-dispute', 'input.md'));
  let pages: TextItem[][];
  beforeAll(async () => {
    pages = await pagesOf(await renderBrief(brief, 'pdf', { printer, env: epoch }));
  });

  it('prints in at most three pages (the cover and two), every heading kept with its text', () => {
    expect(pages.length).toBeLessThanOrEqual(3);
    expectHeadingsKeptWithText(pages, brief);
  });

  it("keeps each ground's instrument label on the page where the ground's text starts", () => {
    const analysis = brief.legalAnalyses[0]!;
    const clauses = [...analysis.grounds, ...analysis.obligations].filter((clause) => clause.instrument);
    expect(clauses.length).toBeGreaterThan(1);
    for (const clause of clauses) {
      const start = clause.text.split(/\s+/).slice(0, 3).join(' ');
      const together = `${clause.instrument} ${start}`;
      expect(
        pages.some((items) => pageText(items).includes(together)),
        together,
      ).toBe(true);
    }
  });
});

describe('the reaction-groups fixture (reactions in two groups)', () => {
  it('prints in two pages, the cover and one page of reactions with both groups, every heading kept with its text', async () => {
    const brief = load(join(fixturesDir, 'reaction-groups', 'input.md'));
    const pages = await pagesOf(await renderBrief(brief, 'pdf', { printer, env: epoch }));
    expect(pages.length).toBeLessThanOrEqual(2);
    const last = pageText(pages.at(-1)!);
    for (const group of ['WEST', 'REGION']) expect(last).toContain(group);
    expectHeadingsKeptWithText(pages, brief);
  });
});

describe('a table that runs over a page', () => {
  const minimal = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8');
  const frontMatter = minimal.slice(0, minimal.indexOf('\n---\n') + 5);
  const day = (index: number) => new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10);
  const timeline = (rows: number) =>
    [
      frontMatter,
      '## Timeline\n',
      ...Array.from({ length: rows }, (_, index) => `::event[Row ${String(index + 1).padStart(2, '0')} ends. [@alpha]]{date=${day(index)}}\n`),
    ].join('\n');
  const rowsOn = (items: TextItem[]) => [...pageText(items).matchAll(/Row \d\d\b/g)].length;
  const render = async (rows: number) => {
    const { brief, file } = parse(timeline(rows));
    if (!brief) throw new Error(String(file.messages));
    return pagesOf(await renderBrief(brief, 'pdf', { printer, env: epoch }));
  };

  it('never carries its last row alone to the next page', async () => {
    // How many rows fill the table's first page: one row more would leave the last one alone.
    const long = await render(60);
    const first = long.findIndex((items) => rowsOn(items) > 0);
    const fit = rowsOn(long[first]!);
    expect(long.length).toBeGreaterThan(first + 1);
    const counts = (await render(fit + 1)).map(rowsOn).filter((count) => count > 0);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(fit + 1);
    expect(counts, `rows per page (${fit} fit on the first)`).toHaveLength(2);
    expect(counts.at(-1), `rows per page: ${counts.join(', ')}`).toBeGreaterThanOrEqual(2);
  });
});

describe('an empty section', () => {
  const text = readFileSync(tradePath, 'utf8').replace('## Timeline', '## Reactions\n\n## Timeline');

  it('is a warning at its heading and is left out of every output', async () => {
    const { brief, file } = parse(text);
    const line = text.split('\n').indexOf('## Reactions') + 1;
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([`${line}:1 empty-section`]);
    expect(await renderBrief(brief!, 'html')).not.toContain('Reactions');
    expect(await renderBrief(brief!, 'md')).not.toContain('Reactions');
    const pages = await pagesOf(await renderBrief(brief!, 'pdf', { printer, env: epoch }));
    expect(pages.flat().map((item) => item.str)).not.toContain('Reactions');
    expect(pages.length).toBeLessThanOrEqual(3);
  });
});

describe('the sample brief', () => {
  const brief = load(samplePath);

  it('stays a professional 15 to 18 pages with its contents page, every heading kept with its text', async () => {
    expect(wantsContents(brief)).toBe(true);
    expect(wantsContents(load(samplePath, (text) => text.replace('paper: a4', 'paper: a4\ncontents: never')))).toBe(false);
    const pages = await pagesOf(await renderBrief(brief, 'pdf', { printer, env: epoch }));
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.length).toBeLessThanOrEqual(18);
    expectHeadingsKeptWithText(pages, brief);
  });
});

/** The fill colours (`r g b rg`) a page's content streams set. */
async function fillColours(bytes: Uint8Array, pageIndex: number): Promise<Array<[number, number, number]>> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = document.getPages()[pageIndex]!.node.Contents();
  const streams = contents ? ('asArray' in contents ? contents.asArray() : [contents]) : [];
  const colours: Array<[number, number, number]> = [];
  for (const reference of streams) {
    const stream = document.context.lookup(reference);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = stream.dict.get(PDFName.of('Filter'))
      ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
      : Buffer.from(stream.contents).toString('latin1');
    for (const [, red, green, blue] of text.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg/g)) colours.push([Number(red), Number(green), Number(blue)]);
  }
  return colours;
}

describe('house colours', () => {
  it('reach the running header and footer through the CSS custom properties', async () => {
    const templates = mkdtempSync(join(tmpdir(), 'bs-colours-'));
    const css = readFileSync(join(builtinTemplatesDir, 'print.css'), 'utf8');
    writeFileSync(join(templates, 'print.css'), `${css}\n:root { --banner: #c00000; --muted: #00a000; }\n`);
    const brief = load(tradePath);
    const near = (colour: [number, number, number], wanted: [number, number, number]) =>
      colour.every((value, index) => Math.abs(value - wanted[index]!) < 0.01);
    const styled = await fillColours(await renderBrief(brief, 'pdf', { printer, env: epoch, templates }), 1);
    // Page 2 has no banner or muted text of its own in the body: these are the margin boxes.
    expect(
      styled.some((colour) => near(colour, [192 / 255, 0, 0])),
      'classification in the red banner colour',
    ).toBe(true);
    expect(
      styled.some((colour) => near(colour, [0, 160 / 255, 0])),
      'header and footer in the muted colour',
    ).toBe(true);
    const plain = await fillColours(await renderBrief(brief, 'pdf', { printer, env: epoch }), 1);
    expect(plain.some((colour) => near(colour, [192 / 255, 0, 0]))).toBe(false);
  });
});
