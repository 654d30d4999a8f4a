/**
 * Packs a document into the bytes of a .docx, the same for the same brief: docx names
 * relationships with ids drawn from Math.random (nanoid) and offers no way to seed them, so
 * Math.random is replaced by a seeded generator while the document is built and compiled (both
 * synchronous, so nothing else runs meanwhile); the package's dates (core properties and every zip
 * entry) are set to one date, SOURCE_DATE_EPOCH's when given, and the zip is written again with
 * fflate, the zip library docx itself uses, in docx's file order.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** mulberry32: a small, well-known seeded generator; only uniqueness within a document matters. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const dosEpoch = Date.UTC(1980, 0, 1, 0, 0, 2);

/** A Date whose local fields are `date`'s UTC fields: zip times are local, and TZ must not change the bytes. */
function zipTime(date: Date): Date {
  const time = Math.min(Math.max(date.getTime(), dosEpoch), Date.UTC(2107, 11, 31));
  return new Date(time + new Date(time).getTimezoneOffset() * 60_000);
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** Core properties with `date` as created and modified, and the document's language. */
function fixCoreProperties(xml: string, date: Date, lang: string): string {
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const dated = xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${stamp}`);
  return dated.includes('<dc:language>') ? dated : dated.replace('</cp:coreProperties>', `<dc:language>${escapeXml(lang)}</dc:language></cp:coreProperties>`);
}

/**
 * docx takes every bookmark's number (`w:id`, and the `_Toc<n>` name of a heading's bookmark) from
 * one counter per process that is never reset, so a brief's file would depend on what the same
 * process rendered before it: another brief of the build, or this one at the last save of a
 * watch. Renumbered 1, 2, 3… in the order docx numbered them, which is what a fresh process
 * writes. Only the places docx writes them are touched: the bookmarks' own tags, the contents'
 * links (`w:anchor`) and its PAGEREF fields, never the text.
 */
export function renumberBookmarks(xml: string): string {
  const numbers = [...xml.matchAll(/<w:bookmarkStart\b[^>]*?\bw:id="(\d+)"/g)].map((match) => Number(match[1]));
  const order = [...new Set(numbers)].sort((first, second) => first - second);
  if (order.every((number, index) => number === index + 1)) return xml;
  const renumbered = new Map(order.map((number, index) => [number, index + 1]));
  const swap = (whole: string, head: string, number: string, tail = '') => {
    const next = renumbered.get(Number(number));
    return next === undefined ? whole : `${head}${next}${tail}`;
  };
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, swap)
    .replace(/(\bw:(?:name|anchor)="_Toc)(\d+)(")/g, swap)
    .replace(/(<w:instrText\b[^>]*>\s*PAGEREF _Toc)(\d+)(\b)/g, swap);
}

/** Builds (with `build`) and packs a document; `date` null means now. */
export async function packDocument(build: () => Document, options: { date: Date | null; lang: string }): Promise<Uint8Array> {
  const random = Math.random;
  let packing: Promise<Buffer>;
  Math.random = seeded(0x62726965);
  try {
    packing = Packer.toBuffer(build());
  } finally {
    Math.random = random;
  }
  const parts = unzipSync(await packing);
  const date = options.date ?? new Date();
  const body = parts['word/document.xml'];
  // docx marks the contents' page references dirty, which makes Word ask to update fields on opening.
  if (body)
    parts['word/document.xml'] = strToU8(
      renumberBookmarks(strFromU8(body)).replace(
        /<w:fldChar w:fldCharType="begin" w:dirty="true"\/>(?=<w:instrText xml:space="preserve">PAGEREF )/g,
        '<w:fldChar w:fldCharType="begin"/>',
      ),
    );
  const core = parts['docProps/core.xml'];
  if (core) parts['docProps/core.xml'] = strToU8(fixCoreProperties(strFromU8(core), date, options.lang));
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = data;
  return zipSync(zippable, { level: 6, mtime: zipTime(date) });
}
