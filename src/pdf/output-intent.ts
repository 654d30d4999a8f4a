/**
 * The output intent PDF/A requires of a file that paints in device colours (ISO 19005-2 §6.2.3):
 * Chromium writes DeviceRGB, which the sRGB profile turns into a defined colour. The profile is
 * `assets/icc/sRGB.icc` from Debian's icc-profiles-free (zlib licence, notice beside it), an ICC v2
 * display profile of 6.9 KB, compressed once per process.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, PDFString, type PDFDocument } from 'pdf-lib';

let compressed: Buffer | undefined;

/** The sRGB profile, Flate-compressed. */
function profile(): Buffer {
  compressed ??= deflateSync(readFileSync(new URL('../../assets/icc/sRGB.icc', import.meta.url)));
  return compressed;
}

/** Adds the PDF/A sRGB output intent to the catalog. */
export function addOutputIntent(document: PDFDocument): void {
  const { context } = document;
  const stream = PDFRawStream.of(context.obj({ N: 3, Alternate: 'DeviceRGB', Filter: 'FlateDecode' }), profile());
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(stream),
  });
  document.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
}
