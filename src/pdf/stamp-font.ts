/**
 * The face page numbers are drawn in after printing: Source Sans 3, the contents page's own
 * family, from the same @fontsource package the HTML embeds. The WOFF (not WOFF2) file is used
 * because it needs no Brotli decoder. It is unpacked to a plain TrueType file and parsed once per
 * process: fontkit reading the WOFF itself inflates the whole glyf table again for every glyph
 * it touches, and parsing the layout tables afresh for each PDF cost more than the rest of stamping.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

const require = createRequire(import.meta.url);

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export interface StampFont {
  /** The font as a TrueType (sfnt) file. */
  bytes: Uint8Array;
  /**
   * What to register with a document before embedding `bytes`: a fontkit that hands back the
   * one parsed font for these bytes, so its decoded tables and glyphs are shared by every PDF.
   * Safe to share because embedding only reads it (each embedding makes its own subset).
   */
  fontkit: Fontkit;
  /** Ascender and descender (negative) as fractions of the font size: the metrics Chromium lays lines out with. */
  ascent: number;
  descent: number;
}

let cached: StampFont | undefined;

/** Source Sans 3 Regular (Latin), with its vertical metrics. */
export function stampFont(): StampFont {
  if (cached) return cached;
  const root = dirname(require.resolve('@fontsource/source-sans-3/package.json'));
  const bytes = sfntFromWoff(readFileSync(join(root, 'files', 'source-sans-3-latin-400-normal.woff')));
  const font = fontkit.create(bytes);
  const shared: Fontkit = { create: (data, postscriptName) => (data === bytes ? font : fontkit.create(data, postscriptName)) };
  cached = { bytes, fontkit: shared, ascent: font.ascent / font.unitsPerEm, descent: font.descent / font.unitsPerEm };
  return cached;
}

/**
 * Unpacks a WOFF 1.0 file into the sfnt it wraps: the same tables, each inflated when stored
 * compressed, laid out four-byte aligned behind an sfnt table directory (the WOFF one is sorted
 * by tag already, as sfnt wants).
 */
export function sfntFromWoff(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, index) => {
    const at = 44 + index * 20;
    const [tag, offset, stored, length, checksum] = [0, 4, 8, 12, 16].map((field) => view.getUint32(at + field)) as [number, number, number, number, number];
    const raw = woff.subarray(offset, offset + stored);
    const data = stored < length ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.length !== length) throw new Error('WOFF table of the wrong length');
    return { tag, checksum, data };
  });
  const padded = (length: number) => (length + 3) & ~3;
  let offset = 12 + count * 16;
  const size = tables.reduce((total, table) => total + padded(table.data.length), offset);
  const sfnt = new Uint8Array(size);
  const out = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  out.setUint32(0, view.getUint32(4)); // the flavour: 0x00010000 for TrueType outlines, 'OTTO' for CFF
  out.setUint16(4, count);
  out.setUint16(6, power * 16);
  out.setUint16(8, Math.log2(power));
  out.setUint16(10, count * 16 - power * 16);
  tables.forEach((table, index) => {
    const at = 12 + index * 16;
    out.setUint32(at, table.tag);
    out.setUint32(at + 4, table.checksum);
    out.setUint32(at + 8, offset);
    out.setUint32(at + 12, table.data.length);
    sfnt.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
