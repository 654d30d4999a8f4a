/**
 * The outline and contents page-number passes on PDFs made here with pdf-lib, without a browser;
 * and a canary for the private pdf-lib parser that load-printed.ts extends.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type PDFDict, PDFDocument, PDFHexString, PDFName, PDFParser, PDFString, type PDFPage } from 'pdf-lib';
import { repairOutline } from '../src/pdf/outline.js';
import { stampContentsPageNumbers } from '../src/pdf/page-numbers.js';
import { textRuns } from '../src/pdf/text-runs.js';
import { pageContents } from '../src/pdf/page-content.js';
import { root } from './helpers/fixtures.js';

/** Outline items from `titles` (a nested array is the children of the item before it). */
type Titles = (string | Titles)[];
function withOutline(document: PDFDocument, titles: Titles): void {
  const { context } = document;
  const build = (items: Titles, parent: PDFDict): PDFDict[] => {
    const nodes = items
      .filter((item): item is string => typeof item === 'string')
      .map((title) => context.obj({ Title: PDFHexString.fromText(title), Parent: parent }));
    let at = -1;
    for (const item of items) {
      if (typeof item === 'string') at++;
      else {
        const children = build(item, nodes[at]!);
        nodes[at]!.set(PDFName.of('First'), children[0]!);
      }
    }
    nodes.forEach((node, index) => {
      if (index + 1 < nodes.length) node.set(PDFName.of('Next'), nodes[index + 1]!);
    });
    return nodes;
  };
  const outlines = context.obj({ Type: 'Outlines' });
  outlines.set(PDFName.of('First'), build(titles, outlines)[0]!);
  document.catalog.set(PDFName.of('Outlines'), outlines);
}

describe('repairOutline', () => {
  it('halves titles that are one text twice, at every depth, and leaves every other title alone', async () => {
    const document = await PDFDocument.create({ updateMetadata: false });
    withOutline(document, ['BackgroundBackground', ['Outlook', 'Risks in SyriaRisks in Syria'], 'Aa', 'Tartus', 'XX']);
    expect(repairOutline(document)).toEqual(['Background', 'Outlook', 'Risks in Syria', 'Aa', 'Tartus', 'X']);
    // Repaired in the file, not only in what it returns.
    expect(repairOutline(document)).toEqual(['Background', 'Outlook', 'Risks in Syria', 'Aa', 'Tartus', 'X']);
  });

  it('does nothing to a PDF without an outline', async () => {
    expect(repairOutline(await PDFDocument.create({ updateMetadata: false }))).toEqual([]);
  });
});

/** A contents page and two body pages; the contents links' titles sit on baselines 700 and 676 at 12 pt. */
async function contentsPdf(): Promise<{ document: PDFDocument; contents: PDFPage }> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const [contents, first, second] = [document.addPage([400, 800]), document.addPage([400, 800]), document.addPage([400, 800])];
  const { context } = document;
  const stream = context.flateStream('BT /F1 12 Tf 1 0 0 1 72 700 Tm (Background) Tj ET\nBT /F1 12 Tf 1 0 0 1 72 676 Tm (Outlook) Tj ET');
  contents.node.set(PDFName.of('Contents'), context.register(stream));
  const link = (destination: string, bottom: number, top: number) =>
    context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Dest: PDFName.of(destination), Rect: [70, bottom, 330, top] }));
  contents.node.set(PDFName.of('Annots'), context.obj([link('background', 694, 712), link('outlook', 670, 688), link('nowhere', 646, 664)]));
  // A body link to a section is no contents entry.
  second.node.set(PDFName.of('Annots'), context.obj([link('background', 400, 418)]));
  const dests = context.obj({});
  dests.set(PDFName.of('background'), context.obj([first.ref, PDFName.of('XYZ'), 0, 800, 0]));
  dests.set(PDFName.of('outlook'), context.obj([second.ref, PDFName.of('XYZ'), 0, 500, 0]));
  document.catalog.set(PDFName.of('Dests'), dests);
  return { document, contents };
}

/** pdf-lib keeps what it draws as operators until it saves: read the stamped page from the saved file. */
const reloaded = async (document: PDFDocument) => PDFDocument.load(await document.save({ useObjectStreams: false }), { updateMetadata: false });

describe('stampContentsPageNumbers', () => {
  it("writes each entry's page right-aligned in its link, on its title's baseline and size, as an artifact", async () => {
    const { document } = await contentsPdf();
    expect(await stampContentsPageNumbers(document, ['background', 'outlook', 'nowhere'])).toEqual([
      { target: 'background', page: 2 },
      { target: 'outlook', page: 3 },
    ]);
    const saved = await reloaded(document);
    const runs = textRuns(saved.getPage(0));
    expect(runs.slice(0, 2)).toEqual([
      { x: 72, y: 700, size: 12 },
      { x: 72, y: 676, size: 12 },
    ]);
    const numbers = runs.slice(2);
    expect(numbers.map((run) => [run.y, run.size])).toEqual([
      [700, 12],
      [676, 12],
    ]);
    for (const run of numbers) expect(run.x).toBeGreaterThan(315);
    expect(numbers.every((run) => run.x < 330)).toBe(true);
    const stamped = Buffer.from(pageContents(saved.getPage(0)).at(-1) ?? new Uint8Array()).toString('latin1');
    expect(stamped.trim()).toMatch(/^q\n\/Artifact BMC\n[\s\S]*\nEMC\nQ$/);
    // Nothing on the body pages, the second of which links to a section too.
    expect(saved.getPage(2).node.lookup(PDFName.of('Contents'))).toBeUndefined();
  });

  it('falls back to the link rectangle when the link holds no text', async () => {
    const { document, contents } = await contentsPdf();
    contents.node.set(PDFName.of('Contents'), document.context.register(document.context.flateStream('')));
    await stampContentsPageNumbers(document, ['background']);
    const [run] = textRuns((await reloaded(document)).getPage(0));
    expect(run!.y).toBeGreaterThan(694);
    expect(run!.y).toBeLessThan(712);
    expect(run!.size).toBeCloseTo(18 / 1.6, 5);
  });

  it('writes nothing when no target has a destination', async () => {
    const { document } = await contentsPdf();
    expect(await stampContentsPageNumbers(document, ['elsewhere'])).toEqual([]);
    expect(textRuns((await reloaded(document)).getPage(0))).toHaveLength(2);
  });
});

describe('pdf-lib canary', () => {
  const require = createRequire(import.meta.url);
  it('is pinned to the version load-printed.ts subclasses', () => {
    const pinned = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { dependencies: Record<string, string> }).dependencies['pdf-lib'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect((require('pdf-lib/package.json') as { version: string }).version).toBe(pinned);
  });

  it('still has the private constructor and parser members load-printed.ts relies on', () => {
    // new PDFDocument(context, ignoreEncryption, updateMetadata); new PDFParser(bytes, objectsPerTick, throwOnInvalidObject, capNumbers).
    expect(PDFDocument.length).toBe(3);
    expect(PDFParser.length).toBe(4);
    const parser = PDFParser.forBytesWithOptions(new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<</A 1>>\nendobj\n', 'latin1')));
    const members = parser as unknown as { parseObject: unknown; parseDocument: unknown; bytes: { offset: unknown; moveTo: unknown } };
    expect([typeof members.parseObject, typeof members.parseDocument, typeof members.bytes.offset, typeof members.bytes.moveTo]).toEqual([
      'function',
      'function',
      'function',
      'function',
    ]);
    expect(PDFString.of('x').decodeText()).toBe('x');
  });
});
