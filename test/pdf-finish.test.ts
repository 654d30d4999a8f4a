/**
 * The finishing pass's parts without a browser: the stamp font unpacked from its WOFF, structure
 * IDs renumbered in the bytes, structure elements kept unparsed, text runs read from content
 * streams. A small PDF written the way Chromium writes one stands in for a print.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, type PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';
import { finishPdf } from '../src/pdf/finish.js';
import { loadPrintedPdf } from '../src/pdf/load-printed.js';
import { endOfDictionary } from '../src/pdf/pdf-syntax.js';
import { sfntFromWoff, stampFont } from '../src/pdf/stamp-font.js';
import { renumberStructureIds } from '../src/pdf/structure-ids.js';
import { textRuns } from '../src/pdf/text-runs.js';

/** A PDF of `objects` (numbered from 1, the first the catalog) with a correct xref table. */
function pdfOf(objects: string[]): Uint8Array {
  let text = '%PDF-1.7\n%\xb5\xb5\xb5\xb5\n';
  const offsets = objects.map((body, index) => {
    const offset = text.length;
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** Chromium's shape: a tagged page whose elements carry DOM node ids, one table header cell referenced by /Headers. */
function printed(first: number, second: number): Uint8Array {
  const [a, b] = [first, second].map((id) => `node${String(id).padStart(8, '0')}`);
  const [low, high] = [a, b].sort();
  return pdfOf([
    '<</Type /Catalog\n/Pages 2 0 R\n/StructTreeRoot 4 0 R\n/MarkInfo <</Type /MarkInfo\n/Marked true>>>>',
    '<</Type /Pages\n/Count 1\n/Kids [3 0 R]>>',
    '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 200 200]\n/Resources <<>>>>',
    `<</Type /StructTreeRoot\n/K 5 0 R\n/IDTree 8 0 R>>`,
    '<</Type /StructElem\n/S /Document\n/P 4 0 R\n/K [6 0 R 7 0 R]>>',
    `<</Type /StructElem\n/S /TH\n/P 5 0 R\n/Pg 3 0 R\n/K 0\n/ID (${a})>>`,
    // Text that a careless scan would take for the end of the object.
    `<</Type /StructElem\n/S /TD\n/P 5 0 R\n/Alt (a >> b \\) endobj (nested) <c>)\n/A [<</O /Table\n/Headers [(${a})]>>]\n/ID (${b})>>`,
    `<</Limits [(${low}) (${high})]\n/Names [(${low}) ${low === a ? 6 : 7} 0 R (${high}) ${high === a ? 6 : 7} 0 R]>>`,
  ]);
}

const metadata = { title: 'T', author: 'A', subject: 'S', keywords: [] as string[], lang: 'en', producer: 'test', date: new Date(0), idSeed: 'seed' };

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString ? object.decodeText() : undefined;
}

describe('structure IDs', () => {
  it('renumbers IDs in the bytes, in their order, with every reference, keeping the length', () => {
    const before = printed(700, 159);
    const after = renumberStructureIds(before);
    expect(after.length).toBe(before.length);
    const written = Buffer.from(after).toString('latin1');
    expect(written).toContain('/ID (node00000002)>>');
    expect(written).toContain('/Headers [(node00000002)]');
    expect(written).toContain('/ID (node00000001)>>');
    expect(written).toContain('/Limits [(node00000001) (node00000002)]');
    expect(written).not.toMatch(/node00000(700|159)/);
  });

  it('leaves a PDF without IDs as it is', () => {
    const bytes = pdfOf(['<</Type /Catalog\n/Pages 2 0 R>>', '<</Type /Pages\n/Count 0\n/Kids []>>', '<</S (node00000005)>>']);
    expect(renumberStructureIds(bytes)).toBe(bytes);
  });

  it('gives the same finished bytes whatever ids the renderer had reached', async () => {
    const [first, second] = await Promise.all([
      finishPdf(printed(700, 159), { metadata, contents: [] }),
      finishPdf(printed(1700, 1159), { metadata, contents: [] }),
    ]);
    expect(Buffer.compare(Buffer.from(first.bytes), Buffer.from(second.bytes))).toBe(0);
  });
});

describe('loading a print', () => {
  it('keeps structure elements as their own bytes and parses everything else', async () => {
    const document = await loadPrintedPdf(printed(7, 3));
    expect(document.catalog.lookup(PDFName.of('StructTreeRoot'))).toBeInstanceOf(PDFDict);
    const objects = new Map(document.context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object]));
    for (const number of [5, 6, 7]) expect(objects.get(number)).toBeInstanceOf(PDFInvalidObject);
    expect(document.getPages()).toHaveLength(1);
  });

  it('writes structure elements back unchanged, so a normal parse reads them whole', async () => {
    const { bytes } = await finishPdf(printed(7, 3), { metadata, contents: [] });
    const document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    const objects = new Map(document.context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object]));
    const cell = objects.get(7) as PDFDict;
    expect(cell.lookup(PDFName.of('S'))).toBe(PDFName.of('TD'));
    expect(text(cell.lookup(PDFName.of('Alt')))).toBe('a >> b ) endobj (nested) <c>');
    expect(text(cell.lookup(PDFName.of('ID')))).toBe('node00000001');
    const headers = ((cell.lookup(PDFName.of('A')) as PDFArray).lookup(0) as PDFDict).lookup(PDFName.of('Headers')) as PDFArray;
    expect(text(headers.get(0))).toBe('node00000002');
    expect(text((objects.get(6) as PDFDict).lookup(PDFName.of('ID')))).toBe('node00000002');
    const names = (objects.get(8) as PDFDict).lookup(PDFName.of('Names')) as PDFArray;
    expect([0, 2].map((index) => text(names.get(index)))).toEqual(['node00000001', 'node00000002']);
    expect(document.getTitle()).toBe('T');
  });

  it('finds the end of a dictionary past strings, hex strings, nested dictionaries and comments', () => {
    const source = '<</A (x >> \\( y) /B <3e3e> /C <</D 1>> % >> in a comment\n/E [(>>)]>> tail';
    const bytes = Buffer.from(source, 'latin1');
    expect(endOfDictionary(bytes, 0)).toBe(source.indexOf(' tail'));
    expect(endOfDictionary(Buffer.from('<</A (unclosed >>', 'latin1'), 0)).toBe(-1);
  });
});

describe('stamp font', () => {
  const root = dirname(createRequire(import.meta.url).resolve('@fontsource/source-sans-3/package.json'));
  const woff = new Uint8Array(readFileSync(join(root, 'files', 'source-sans-3-latin-400-normal.woff')));

  it('unpacks the WOFF to a TrueType file with the same tables, glyphs and metrics', () => {
    const fromWoff = fontkit.create(woff);
    const fromSfnt = fontkit.create(sfntFromWoff(woff));
    expect(Buffer.from(sfntFromWoff(woff).subarray(0, 4)).toString('hex')).toBe('00010000');
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect([fromSfnt.unitsPerEm, fromSfnt.ascent, fromSfnt.descent]).toEqual([fromWoff.unitsPerEm, fromWoff.ascent, fromWoff.descent]);
    for (const digits of ['0123456789', '18']) {
      const [sfntRun, woffRun] = [fromSfnt.layout(digits), fromWoff.layout(digits)];
      expect(sfntRun.glyphs.map((glyph) => glyph.id)).toEqual(woffRun.glyphs.map((glyph) => glyph.id));
      expect(sfntRun.positions.map((position) => position.xAdvance)).toEqual(woffRun.positions.map((position) => position.xAdvance));
      expect(sfntRun.glyphs.map((glyph) => glyph.path.toSVG())).toEqual(woffRun.glyphs.map((glyph) => glyph.path.toSVG()));
    }
  });

  it('embeds the same font subset as the WOFF itself gives', async () => {
    const embedded = async (bytes: Uint8Array, kit: Parameters<PDFDocument['registerFontkit']>[0]) => {
      const document = await PDFDocument.create({ updateMetadata: false });
      document.registerFontkit(kit);
      const font = await document.embedFont(bytes, { subset: true, customName: 'BSMPGN+SourceSans3-Regular' });
      document.addPage().drawText('1234567890', { font, size: 10 });
      return Buffer.from(await document.save({ useObjectStreams: false }));
    };
    const shared = stampFont();
    const [fromWoff, fromShared, again] = [
      await embedded(woff, fontkit),
      await embedded(shared.bytes, shared.fontkit),
      await embedded(shared.bytes, shared.fontkit),
    ];
    expect(fromShared.equals(fromWoff)).toBe(true);
    expect(again.equals(fromWoff)).toBe(true);
  });
});

describe('text runs', () => {
  it('reports where each run starts and its size, through cm, Tm, Td, strings and arrays', async () => {
    const document = await PDFDocument.create({ updateMetadata: false });
    const page = document.addPage([200, 200]);
    const content = [
      'q 2 0 0 2 10 20 cm',
      'BT /F1 6 Tf 1 0 0 1 5 6 Tm (a \\) Tj >> (b)) Tj 3 0 Td <0102> Tj ET Q',
      '% BT (comment) Tj',
      'BT /F1 10 Tf 100 50 Td 2 0 Td [(x) -20 (y)] TJ ET',
    ].join('\n');
    const compressed = document.context.register(document.context.flateStream(content));
    const plain = document.context.register(document.context.stream('BT /F1 8 Tf 1 0 0 1 7 9 Tm <00> Tj ET'));
    page.node.set(PDFName.of('Contents'), document.context.obj([compressed, plain]));
    expect(textRuns(page)).toEqual([
      { x: 20, y: 32, size: 12 },
      { x: 102, y: 50, size: 10 },
      { x: 7, y: 9, size: 8 },
    ]);
  });
});

describe('metadata', () => {
  const finishedWith = async (changes: Partial<typeof metadata> & { archive?: boolean }) => {
    const { bytes } = await finishPdf(printed(7, 3), { metadata: { ...metadata, ...changes }, contents: [] });
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const stream = document.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    return { document, xmp: Buffer.from(stream.getContents()).toString('utf8') };
  };

  it('keeps multi-word keywords apart, in Info and in the XMP, and escapes what XML needs escaped', async () => {
    const { document, xmp } = await finishedWith({ title: 'Tartus & Hmeimim <bases>', keywords: ['export controls', 'WTO', 'trade defence'] });
    expect(document.getKeywords()).toBe('export controls; WTO; trade defence');
    expect(xmp).toContain('<pdf:Keywords>export controls; WTO; trade defence</pdf:Keywords>');
    expect(xmp).toContain('<dc:subject><rdf:Bag><rdf:li>export controls</rdf:li><rdf:li>WTO</rdf:li><rdf:li>trade defence</rdf:li></rdf:Bag></dc:subject>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Tartus &amp; Hmeimim &lt;bases&gt;</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>');
    expect(document.catalog.lookup(PDFName.of('OutputIntents'))).toBeInstanceOf(PDFArray);
  });

  it('writes no empty Author, whose missing dc:creator PDF/A would count as a mismatch', async () => {
    const { document, xmp } = await finishedWith({ author: '' });
    expect(document.getAuthor()).toBeUndefined();
    expect(xmp).not.toContain('dc:creator');
  });

  it('leaves out the PDF/A identification and output intent with archive false, keeping PDF/UA', async () => {
    const { document, xmp } = await finishedWith({ archive: false });
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).not.toContain('pdfaid:');
    expect(xmp).not.toContain('pdfaExtension');
    expect(document.catalog.lookup(PDFName.of('OutputIntents'))).toBeUndefined();
  });
});
