/**
 * PDF/UA-1 and PDF/A-2b, checked from the PDF's own objects (test/helpers/pdf-conformance.ts):
 * the sample brief and a brief with an image pass every check; Chromium's print before the
 * finishing pass fails the checks that pass exists for; and each check fails on a finished PDF
 * with the one thing it checks taken away.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, type PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { parseBrief, validateBrief, renderBrief, Printer, type Brief } from '../src/index.js';
import { renderPdfSource } from '../src/render/render.js';
import { conformanceProblems } from './helpers/pdf-conformance.js';
import { minimalBrief } from './helpers/project.js';
import { root } from './helpers/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1761609600' };
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function load(text: string, path: string): Brief {
  const { brief, file } = validateBrief(parseBrief(text, { path }));
  if (!brief) throw new Error(String(file.messages));
  return brief;
}

/** A brief showing an image, in a folder of its own; `alt` empty turns the image-alt rule off so it renders. */
function imageBrief(alt: string): { brief: Brief; baseDir: string } {
  const baseDir = mkdtempSync(join(tmpdir(), 'bs-pdfua-'));
  mkdirSync(join(baseDir, 'img'));
  writeFileSync(join(baseDir, 'img', 'map.png'), png);
  const rules = alt ? '' : 'rules:\n  image-alt: off\n';
  const text = minimalBrief.replace(/^---\n/, `---\n${rules}`).replace('## Timeline', `## Map\n\n![${alt}](img/map.png)\n\n## Timeline`);
  return { brief: load(text, join(baseDir, 'map.md')), baseDir };
}

let printer: Printer;
let sample: Uint8Array;
let withImage: Uint8Array;
beforeAll(async () => {
  printer = await Printer.launch({ concurrency: 2 });
  const path = join(root, 'briefs', 'sharaa-moscow-2025-10.md');
  const { brief, baseDir } = imageBrief('Map of the talks');
  [sample, withImage] = await Promise.all([
    renderBrief(load(readFileSync(path, 'utf8'), path), 'pdf', { printer, env }),
    renderBrief(brief, 'pdf', { printer, env, baseDir }),
  ]);
});
afterAll(async () => {
  await printer?.close();
});

const element = (document: PDFDocument, type: string) =>
  document.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.lookup(PDFName.of('S')) === PDFName.of(type));
const rules = (problems: string[]) => [...new Set(problems.map((problem) => problem.slice(0, problem.indexOf(':'))))].sort();

describe('PDF/UA-1 and PDF/A-2b', () => {
  it('passes every check for the sample brief and a brief with an image', async () => {
    expect(await conformanceProblems(sample)).toEqual([]);
    expect(await conformanceProblems(withImage)).toEqual([]);
    const document = await PDFDocument.load(withImage, { updateMetadata: false });
    expect(element(document, 'Figure').map((figure) => (figure.lookup(PDFName.of('Alt')) as PDFString).decodeText())).toEqual(['Map of the talks']);
  });

  it("fails Chromium's print before the finishing pass on what that pass adds", async () => {
    const brief = load(readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8'), 'sample.md');
    const source = renderPdfSource(brief, { generator: 'test' });
    const printed = await printer.print(source.html, { paper: 'a4', fonts: source.fonts });
    expect(rules(await conformanceProblems(printed))).toEqual(['annotations', 'content', 'id', 'output-intent', 'xmp']);
  });

  it('fails a Figure without /Alt; an image whose brief turned image-alt off is no Figure at all (Chromium reads alt="" as decorative)', async () => {
    const document = await PDFDocument.load(withImage, { updateMetadata: false });
    for (const figure of element(document, 'Figure')) figure.delete(PDFName.of('Alt'));
    expect(rules(await conformanceProblems(await document.save({ useObjectStreams: false })))).toEqual(['figure-alt']);
    const { brief, baseDir } = imageBrief('');
    const decorative = await PDFDocument.load(await renderBrief(brief, 'pdf', { printer, env, baseDir }), { updateMetadata: false });
    expect(element(decorative, 'Figure')).toEqual([]);
  });

  it('skips the PDF/A checks for a brief with `pdfa: false`, and writes no PDF/A identification', async () => {
    const path = join(root, 'briefs', 'sharaa-moscow-2025-10.md');
    const brief = load(readFileSync(path, 'utf8').replace(/^---\n/, '---\npdfa: false\n'), path);
    const bytes = await renderBrief(brief, 'pdf', { printer, env });
    expect(await conformanceProblems(bytes, { archive: false })).toEqual([]);
    expect(rules(await conformanceProblems(bytes))).toEqual(['output-intent', 'xmp']);
  });

  const setXmp = (document: PDFDocument, edit: (xmp: string) => string) => {
    const stream = document.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    const xmp = Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
    document.catalog.set(
      PDFName.of('Metadata'),
      document.context.register(document.context.stream(Buffer.from(edit(xmp), 'utf8'), { Type: 'Metadata', Subtype: 'XML' })),
    );
  };
  const fonts = (document: PDFDocument) =>
    document.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFDict =>
          object instanceof PDFDict && object.lookup(PDFName.of('Type')) === PDFName.of('Font') && object.has(PDFName.of('ToUnicode')),
      );
  const breakages: [string, string, (document: PDFDocument) => void][] = [
    ['lang', 'no /Lang', (document) => document.catalog.delete(PDFName.of('Lang'))],
    [
      'title',
      'DisplayDocTitle false',
      (document) => (document.catalog.lookup(PDFName.of('ViewerPreferences')) as PDFDict).set(PDFName.of('DisplayDocTitle'), PDFBool.False),
    ],
    ['tagged', 'MarkInfo /Marked false', (document) => (document.catalog.lookup(PDFName.of('MarkInfo')) as PDFDict).set(PDFName.of('Marked'), PDFBool.False)],
    ['xmp', 'no pdfuaid', (document) => setXmp(document, (xmp) => xmp.replace('<pdfuaid:part>1</pdfuaid:part>', ''))],
    ['xmp', 'no pdfaid', (document) => setXmp(document, (xmp) => xmp.replace('<pdfaid:part>2</pdfaid:part>', ''))],
    ['xmp', 'no extension schema for pdfuaid', (document) => setXmp(document, (xmp) => xmp.replace('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>', ''))],
    ['xmp', 'an Info title the XMP does not hold', (document) => document.setTitle('Another title')],
    ['xmp', 'Info keywords the XMP does not hold', (document) => document.setKeywords(['Syria Russia'])],
    ['headings', 'a skipped heading level', (document) => element(document, 'H3')[0]!.set(PDFName.of('S'), PDFName.of('H5'))],
    [
      'table-headers',
      'header cells without scope',
      (document) =>
        element(document, 'TH').forEach((cell) => {
          cell.delete(PDFName.of('A'));
          cell.delete(PDFName.of('ID'));
        }),
    ],
    ['fonts', 'a font without ToUnicode', (document) => fonts(document)[0]!.delete(PDFName.of('ToUnicode'))],
    [
      'fonts',
      'a font not embedded',
      (document) => {
        const descendant = (fonts(document)[0]!.lookup(PDFName.of('DescendantFonts')) as PDFArray).lookup(0) as PDFDict;
        (descendant.lookup(PDFName.of('FontDescriptor')) as PDFDict).delete(PDFName.of('FontFile2'));
      },
    ],
    [
      'annotations',
      'a link without /Contents',
      (document) => {
        const link = (document.getPage(1).node.lookup(PDFName.of('Annots')) as PDFArray).lookup(0) as PDFDict;
        link.delete(PDFName.of('Contents'));
      },
    ],
    [
      'id',
      'no trailer /ID',
      (document) => {
        delete document.context.trailerInfo.ID;
      },
    ],
    [
      'encryption',
      'an /Encrypt dictionary',
      (document) => {
        document.context.trailerInfo.Encrypt = document.context.obj({ Filter: 'Standard' });
      },
    ],
    [
      'javascript',
      'a JavaScript open action',
      (document) => document.catalog.set(PDFName.of('OpenAction'), document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })),
    ],
    ['output-intent', 'no output intent', (document) => document.catalog.delete(PDFName.of('OutputIntents'))],
  ];
  it.each(breakages)('fails %s on a finished PDF with %s', async (rule, _what, breakIt) => {
    const document = await PDFDocument.load(sample, { updateMetadata: false });
    breakIt(document);
    const broken = await document.save({ useObjectStreams: false, updateFieldAppearances: false });
    expect(rules(await conformanceProblems(broken))).toEqual([rule]);
  });
});
