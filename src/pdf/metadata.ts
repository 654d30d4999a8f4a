/**
 * Finishes Chromium's PDF with pdf-lib: document information from the model, the same facts as
 * XMP with the PDF/UA-1 and (unless turned off) PDF/A-2b identification, the sRGB output intent
 * PDF/A asks for, the language, and — with SOURCE_DATE_EPOCH — fixed dates and a content-derived
 * file ID, so two builds of the same brief give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { addOutputIntent } from './output-intent.js';
import { xmpPacket } from './xmp.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  producer: string;
  /** Fixed creation/modification date (from SOURCE_DATE_EPOCH); now when absent. */
  date: Date | null;
  /** Anything that identifies the document's content; hashed into the file ID. */
  idSeed: string;
  /** Identify the file as PDF/A-2b and give it the sRGB output intent (default true). */
  archive?: boolean | undefined;
}

/** The date SOURCE_DATE_EPOCH asks for, or null when it is unset or invalid. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | null {
  const value = env.SOURCE_DATE_EPOCH;
  if (!value || !/^\d+$/.test(value)) return null;
  return new Date(Number(value) * 1000);
}

/** Keywords as one Info string: `; ` keeps "export controls" and "WTO" apart, where pdf-lib's spaces ran them together. */
export const keywordText = (keywords: readonly string[]) => keywords.join('; ');

/** Sets the document information, XMP metadata, output intent, language and file ID of a loaded PDF. */
export function setMetadata(document: PDFDocument, meta: PdfMetadata): void {
  const archive = meta.archive ?? true;
  // Whole seconds: the Info dictionary keeps no more, and the XMP dates must equal it.
  const date = new Date(Math.floor((meta.date ?? new Date()).getTime() / 1000) * 1000);
  document.setTitle(meta.title, { showInWindowTitleBar: true });
  // An empty Author or Subject would have no XMP counterpart, which PDF/A counts as a mismatch.
  if (meta.author) document.setAuthor(meta.author);
  if (meta.subject) document.setSubject(meta.subject);
  // pdf-lib joins what it is given with spaces: give it the one string.
  if (meta.keywords.length > 0) document.setKeywords([keywordText(meta.keywords)]);
  document.setProducer(meta.producer);
  document.setCreator(meta.producer);
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  const xmp = xmpPacket({ ...meta, keywordText: keywordText(meta.keywords), date: date.toISOString().replace(/\.\d{3}Z$/, 'Z'), archive });
  // Not compressed: PDF/A-1 forbids a filter on metadata, and tools that read XMP without a PDF parser find it.
  const stream = document.context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
  if (archive) addOutputIntent(document);
  const id = createHash('sha256').update(meta.idSeed).update(String(date.getTime())).digest('hex').slice(0, 32);
  document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
