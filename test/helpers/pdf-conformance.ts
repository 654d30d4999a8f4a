/**
 * The machine-checkable PDF/UA-1 (Matterhorn Protocol) failure conditions that apply to a brief,
 * and the PDF/A-2b file requirements, read from the PDF's own objects with pdf-lib and its
 * painting with pdf.js. Each problem is `rule: detail`; an empty list means every check passed.
 * This checks what can fail in a brief briefsmith prints, not all of either standard (which
 * veraPDF does, and which is not installable here).
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export type Problem = string;

const name = (key: string) => PDFName.of(key);
const text = (object: PDFObject | undefined) => (object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined);
const bytesOf = (stream: PDFStream) => (stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents());

interface Element {
  type: string;
  dict: PDFDict;
  kids: Element[];
}

/** The structure tree below the root, kids in order. */
function structureTree(document: PDFDocument): Element[] {
  const root = document.catalog.lookup(name('StructTreeRoot'));
  const seen = new Set<PDFDict>();
  const kidsOf = (dict: PDFDict): Element[] => {
    const kids = dict.lookup(name('K'));
    const items = kids instanceof PDFArray ? kids.asArray().map((item) => document.context.lookup(item)) : [kids];
    return items.flatMap((item) => {
      if (!(item instanceof PDFDict) || seen.has(item) || item.get(name('S')) === undefined) return [];
      seen.add(item);
      const type = item.lookup(name('S'));
      return [{ type: type instanceof PDFName ? type.decodeText() : '?', dict: item, kids: kidsOf(item) }];
    });
  };
  return root instanceof PDFDict ? kidsOf(root) : [];
}

function* depthFirst(elements: Element[]): Generator<Element> {
  for (const element of elements) {
    yield element;
    yield* depthFirst(element.kids);
  }
}

/** PDF/UA-1 7.4: numbered headings start at H1 and never skip a level going down. */
function headingProblems(elements: Element[]): Problem[] {
  const problems: Problem[] = [];
  let previous = 0;
  for (const element of depthFirst(elements)) {
    const level = /^H([1-6])$/.exec(element.type)?.[1];
    if (!level) continue;
    const current = Number(level);
    if (previous === 0 && current !== 1) problems.push(`headings: the first heading is H${current}, expected H1`);
    else if (current > previous + 1) problems.push(`headings: H${current} follows H${previous}, skipping a level`);
    previous = current;
  }
  return problems;
}

/** The table attribute dictionaries of an element (its /A, one dictionary or an array). */
function tableAttributes(element: Element, document: PDFDocument): PDFDict[] {
  const attributes = element.dict.lookup(name('A'));
  const items = attributes instanceof PDFArray ? attributes.asArray().map((item) => document.context.lookup(item)) : [attributes];
  return items.filter((item): item is PDFDict => item instanceof PDFDict && item.lookup(name('O')) === name('Table'));
}

function structureProblems(document: PDFDocument): Problem[] {
  const tree = structureTree(document);
  if (tree.length === 0) return ['structure: no structure tree'];
  const problems: Problem[] = [];
  const all = [...depthFirst(tree)];
  const referencedHeaders = new Set<string>();
  for (const element of all) {
    for (const attributes of tableAttributes(element, document)) {
      const headers = attributes.lookup(name('Headers'));
      if (headers instanceof PDFArray) for (const header of headers.asArray()) referencedHeaders.add(text(header) ?? '');
    }
  }
  for (const element of all) {
    if (element.type === 'Figure' && !text(element.dict.lookup(name('Alt'))) && !text(element.dict.lookup(name('ActualText'))))
      problems.push('figure-alt: a Figure without /Alt');
    if (element.type === 'TH') {
      const scoped = tableAttributes(element, document).some((attributes) => attributes.lookup(name('Scope')) instanceof PDFName);
      if (!scoped && !referencedHeaders.has(text(element.dict.lookup(name('ID'))) ?? '\u0000'))
        problems.push('table-headers: a TH with neither /Scope nor a cell naming it in /Headers');
    }
  }
  return [...problems, ...headingProblems(tree)];
}

/** Every font resource of every page and form, by object. */
function fonts(document: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (
      object instanceof PDFDict &&
      object.lookup(name('Type')) === name('Font') &&
      object.get(name('Subtype')) !== name('CIDFontType2') &&
      object.get(name('Subtype')) !== name('CIDFontType0')
    )
      found.push(object);
  }
  return found;
}

function fontProblems(document: PDFDocument): Problem[] {
  const problems: Problem[] = [];
  for (const font of fonts(document)) {
    const base = font.lookup(name('BaseFont'));
    const label = base instanceof PDFName ? base.decodeText() : '?';
    const descendants = font.lookup(name('DescendantFonts'));
    const program = descendants instanceof PDFArray ? descendants.lookup(0) : font;
    const descriptor = program instanceof PDFDict ? program.lookup(name('FontDescriptor')) : undefined;
    const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.lookup(name(key)) instanceof PDFStream);
    if (!embedded && font.lookup(name('Subtype')) !== name('Type3')) problems.push(`fonts: ${label} is not embedded`);
    if (!(font.lookup(name('ToUnicode')) instanceof PDFStream)) problems.push(`fonts: ${label} has no ToUnicode`);
  }
  return problems;
}

function annotationProblems(document: PDFDocument): Problem[] {
  const problems: Problem[] = [];
  document.getPages().forEach((page, index) => {
    const annotations = page.node.lookup(name('Annots'));
    if (!(annotations instanceof PDFArray) || annotations.size() === 0) return;
    if (page.node.lookup(name('Tabs')) !== name('S')) problems.push(`annotations: page ${index + 1} has annotations but no /Tabs /S`);
    for (const item of annotations.asArray()) {
      const annotation = document.context.lookup(item);
      if (!(annotation instanceof PDFDict) || annotation.lookup(name('Subtype')) !== name('Link')) continue;
      if (!text(annotation.lookup(name('Contents')))) problems.push(`annotations: a link on page ${index + 1} has no /Contents`);
      if (!(annotation.lookup(name('StructParent')) instanceof PDFNumber))
        problems.push(`annotations: a link on page ${index + 1} is not in the structure tree`);
    }
  });
  return problems;
}

/** The XMP packet's text, or undefined. */
function xmpOf(document: PDFDocument): string | undefined {
  const metadata = document.catalog.lookup(name('Metadata'));
  return metadata instanceof PDFStream ? Buffer.from(bytesOf(metadata)).toString('utf8') : undefined;
}

const unescapeXml = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** The text of XMP property `property`: its first rdf:li, or its simple value. */
function xmpValue(xmp: string, property: string): string | undefined {
  const match = new RegExp(`<${property}>([\\s\\S]*?)</${property}>`).exec(xmp);
  if (!match) return undefined;
  const item = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(match[1]!);
  return unescapeXml(item ? item[1]! : match[1]!);
}

/** `D:20251015000000Z` → `2025-10-15T00:00:00Z`. */
function isoDate(pdfDate: string | undefined): string | undefined {
  const match = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(pdfDate ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z` : undefined;
}

function metadataProblems(document: PDFDocument, archive: boolean): Problem[] {
  const problems: Problem[] = [];
  const info = document.context.lookup(document.context.trailerInfo.Info);
  const infoText = (key: string) => (info instanceof PDFDict ? text(info.lookup(name(key))) : undefined);
  if (!text(document.catalog.lookup(name('Lang')))) problems.push('lang: the catalog has no /Lang');
  if (!infoText('Title')) problems.push('title: the document has no Title');
  const preferences = document.catalog.lookup(name('ViewerPreferences'));
  if (!(preferences instanceof PDFDict) || preferences.lookup(name('DisplayDocTitle')) !== PDFBool.True) problems.push('title: DisplayDocTitle is not true');
  const markInfo = document.catalog.lookup(name('MarkInfo'));
  if (!(markInfo instanceof PDFDict) || markInfo.lookup(name('Marked')) !== PDFBool.True) problems.push('tagged: MarkInfo /Marked is not true');
  const xmp = xmpOf(document);
  if (!xmp) return [...problems, 'xmp: no XMP metadata stream'];
  if (xmpValue(xmp, 'pdfuaid:part') !== '1') problems.push('xmp: no pdfuaid:part 1');
  if (!xmpValue(xmp, 'dc:title')) problems.push('xmp: no dc:title');
  if (!archive) return problems;
  if (xmpValue(xmp, 'pdfaid:part') !== '2' || xmpValue(xmp, 'pdfaid:conformance') !== 'B') problems.push('xmp: no pdfaid:part 2 with conformance B');
  if (!xmp.includes('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>')) problems.push('xmp: pdfuaid is used without a PDF/A extension schema');
  const pairs: [string, string, (value: string | undefined) => string | undefined][] = [
    ['Title', 'dc:title', (value) => value],
    ['Author', 'dc:creator', (value) => value],
    ['Subject', 'dc:description', (value) => value],
    ['Keywords', 'pdf:Keywords', (value) => value],
    ['Producer', 'pdf:Producer', (value) => value],
    ['Creator', 'xmp:CreatorTool', (value) => value],
    ['CreationDate', 'xmp:CreateDate', isoDate],
    ['ModDate', 'xmp:ModifyDate', isoDate],
  ];
  for (const [key, property, convert] of pairs) {
    const value = convert(infoText(key));
    if (value !== undefined && value !== xmpValue(xmp, property))
      problems.push(`xmp: Info ${key} ${JSON.stringify(value)} differs from ${property} ${JSON.stringify(xmpValue(xmp, property))}`);
  }
  return problems;
}

/** PDF/A-2b file requirements a printed brief could break. */
function fileProblems(document: PDFDocument): Problem[] {
  const problems: Problem[] = [];
  const { trailerInfo } = document.context;
  const id = trailerInfo.ID;
  if (!(id instanceof PDFArray) || id.size() !== 2) problems.push('id: the trailer has no /ID of two strings');
  const intents = document.catalog.lookup(name('OutputIntents'));
  const intent =
    intents instanceof PDFArray
      ? intents
          .asArray()
          .map((item) => document.context.lookup(item))
          .find((item) => item instanceof PDFDict && item.lookup(name('S')) === name('GTS_PDFA1'))
      : undefined;
  const profile = intent instanceof PDFDict ? intent.lookup(name('DestOutputProfile')) : undefined;
  if (!(profile instanceof PDFStream)) problems.push('output-intent: no GTS_PDFA1 output intent with a profile');
  else {
    const bytes = bytesOf(profile);
    const header = Buffer.from(bytes.subarray(0, 40));
    if (header.toString('latin1', 36, 40) !== 'acsp' || header.toString('latin1', 16, 20) !== 'RGB ' || header[8]! > 4)
      problems.push('output-intent: the profile is not an ICC v2–v4 RGB profile');
    if ((profile.dict.lookup(name('N')) as PDFNumber | undefined)?.asNumber() !== 3) problems.push('output-intent: the profile has no /N 3');
  }
  const names = document.catalog.lookup(name('Names'));
  if (names instanceof PDFDict && names.has(name('JavaScript'))) problems.push('javascript: the catalog names JavaScript');
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const dicts = object instanceof PDFDict ? [object, ...[...object.values()].filter((value): value is PDFDict => value instanceof PDFDict)] : [];
    for (const dict of dicts) {
      if (dict.lookup(name('S')) === name('JavaScript') || dict.has(name('JS'))) problems.push('javascript: a JavaScript action');
      if (dict.lookup(name('S')) === name('Launch')) problems.push('javascript: a Launch action');
    }
  }
  if (document.catalog.has(name('AA'))) problems.push('javascript: the catalog has additional actions (/AA)');
  return problems;
}

/** Painting operators of pdf.js's operator list. */
const paints = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.shadingFill,
  OPS.paintFormXObjectBegin,
]);

/** PDF/UA-1 7.1: every mark on every page is tagged content or an artifact. */
async function contentProblems(bytes: Uint8Array): Promise<Problem[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const problems: Problem[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const { fnArray, argsArray } = await (await pdf.getPage(number)).getOperatorList();
      let depth = 0;
      let untagged = 0;
      fnArray.forEach((operation, index) => {
        if (operation === OPS.beginMarkedContent || operation === OPS.beginMarkedContentProps) depth++;
        else if (operation === OPS.endMarkedContent) depth = Math.max(0, depth - 1);
        else if (depth === 0 && (paints.has(operation) || (operation === OPS.constructPath && paints.has((argsArray[index] as unknown[])[0] as number))))
          untagged++;
      });
      if (untagged > 0) problems.push(`content: page ${number} paints ${untagged} times outside tagged content and artifacts`);
    }
  } finally {
    await pdf.destroy();
  }
  return problems;
}

/** Every problem found; `archive` false skips the PDF/A-only checks. */
export async function conformanceProblems(bytes: Uint8Array, { archive = true } = {}): Promise<Problem[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  // An encrypted file's content cannot be read without its key: that is the problem.
  if (document.context.trailerInfo.Encrypt) return ['encryption: the file is encrypted'];
  return [
    ...metadataProblems(document, archive),
    ...structureProblems(document),
    ...fontProblems(document),
    ...annotationProblems(document),
    ...(archive ? fileProblems(document) : []),
    ...(await contentProblems(bytes)),
  ];
}
