/** A brief's PDF document information, from its model alone (no renderer needed to print it). */
import type { PdfMetadata } from '../pdf/metadata.js';
import type { BriefMeta } from '../types.js';

/** The PDF's document information, from the model; `date` comes from SOURCE_DATE_EPOCH (null: now). */
export function pdfMetadata(meta: BriefMeta, generator: string, date: Date | null, html: string): PdfMetadata {
  return {
    title: meta.title,
    author: meta.authors.join(', '),
    subject: meta.subtitle ?? meta.classification,
    keywords: meta.keywords,
    lang: meta.lang,
    producer: generator,
    date,
    idSeed: html,
    archive: meta.pdfa,
  };
}
