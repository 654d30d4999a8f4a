/**
 * Finishes Chromium's PDF with pdf-lib: document information from the model, the language, and
 * — with SOURCE_DATE_EPOCH — fixed dates and a content-derived file ID, so two builds of the
 * same brief give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

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
}

/** The date SOURCE_DATE_EPOCH asks for, or null when it is unset or invalid. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | null {
  const value = env.SOURCE_DATE_EPOCH;
  if (!value || !/^\d+$/.test(value)) return null;
  return new Date(Number(value) * 1000);
}

/** Sets the document information, language and file ID of a loaded PDF. */
export function setMetadata(document: PDFDocument, meta: PdfMetadata): void {
  document.setTitle(meta.title, { showInWindowTitleBar: true });
  document.setAuthor(meta.author);
  document.setSubject(meta.subject);
  document.setKeywords(meta.keywords);
  document.setProducer(meta.producer);
  document.setCreator(meta.producer);
  const date = meta.date ?? new Date();
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  const id = createHash('sha256').update(meta.idSeed).update(String(date.getTime())).digest('hex').slice(0, 32);
  document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
