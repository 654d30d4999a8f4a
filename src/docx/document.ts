/**
 * The Word document of a brief: two sections (the cover, then the body with its running header),
 * or for a note (`layout: note`) one section that opens with the note's header block; the
 * contents as a TOC field already filled with its entries, the brief's parts, the Sources, and
 * the document properties — made with the reference document's styles and margins.
 */
import {
  AlignmentType,
  Document,
  LeaderType,
  LevelFormat,
  NumberFormat,
  PageBreak,
  Paragraph,
  SectionType,
  TableOfContents,
  type FileChild,
  type ILevelsOptions,
} from 'docx';
import type { Brief } from '../types.js';
import type { ChangesView } from '../render/changes-view.js';
import { shownSections, wantsContents } from '../render/contents.js';
import { listReferences } from './blocks.js';
import { sectionBlocks } from './body.js';
import { changesBlocks } from './changes.js';
import { createContext, plainText, type DocxContext } from './context.js';
import { coverBlocks, noteHeaderBlocks } from './cover.js';
import { bodyFurniture, coverFurniture } from './furniture.js';
import type { Fragments } from '../model/fragments.js';
import type { ReferenceDocument } from './reference.js';
import { sourcesBlocks } from './sources.js';
import { styleIds } from './style-ids.js';

/** Page sizes in twentieths of a point (portrait). */
const paperSizes = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } } as const;

export interface DocumentOptions {
  reference: ReferenceDocument;
  paper: 'a4' | 'letter';
  generator: string;
  changes?: ChangesView | null | undefined;
  /** The brief's folder, for its images. */
  baseDir?: string | undefined;
  /** The trees of the brief's Markdown fields as parsed with it (see model/fragments.ts). */
  fragments?: Fragments | undefined;
}

const levels = (format: 'bullet' | 'decimal', indent = 360): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? (level % 2 === 0 ? '•' : '–') : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: indent * (level + 1), hanging: indent } } },
  }));

/** The document's default language: the brief's, in the styles' document defaults. */
function withLanguage(styles: string, lang: string): string {
  const defaults = /<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>\s*<\/w:rPrDefault>/.exec(styles);
  if (!defaults) return styles;
  const properties = /<w:lang\b[^>]*\/>/.test(defaults[1]!)
    ? defaults[1]!.replace(/(<w:lang\b[^>]*?)\sw:val="[^"]*"/, '$1').replace(/<w:lang\b/, `<w:lang w:val="${lang}"`)
    : `${defaults[1]}<w:lang w:val="${lang}"/>`;
  return styles.slice(0, defaults.index) + defaults[0].replace(defaults[1]!, properties) + styles.slice(defaults.index + defaults[0].length);
}

function page(options: DocumentOptions) {
  const size = paperSizes[options.paper];
  const { landscape, margins } = options.reference;
  return { size: landscape ? { width: size.height, height: size.width } : size, margin: margins };
}

/** Endnotes numbered 1, 2, 3 (Word's default is i, ii, iii) through the whole document. */
const endnoteProperties = { numberFormat: { type: NumberFormat.DECIMAL } };

function bodyChildren(context: DocxContext, changes: ChangesView | null | undefined): FileChild[] {
  // A note's contents (only with `contents: always`) sit under its header block, as in the PDF.
  return [
    ...(context.brief.meta.layout === 'note' ? noteHeaderBlocks(context) : []),
    ...(changes ? changesBlocks(changes, context) : []),
    ...(wantsContents(context.brief) ? contentsBlocks() : []),
    ...shownSections(context.brief).flatMap((section) => sectionBlocks(section, context)),
    ...sourcesBlocks(context),
  ];
}

/** The contents (`meta.contents`: a short brief has none, as in the PDF), then a page break. */
function contentsBlocks(): FileChild[] {
  return [
    new Paragraph({ style: styleIds.contentsHeading, text: 'Contents' }),
    // Filled with its entries; their page numbers are Word's to fill (Update Table), so no dot
    // leaders run to an empty place meanwhile.
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2', beginDirty: false, tabLeader: LeaderType.NONE }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** Builds the document; docx draws relationship ids from Math.random, so package.ts seeds it around this. */
export function briefDocument(brief: Brief, options: DocumentOptions): Document {
  const { meta } = brief;
  const pageSetup = page(options);
  const { margins } = options.reference;
  const textWidth = pageSetup.size.width - margins.left - margins.right - margins.gutter;
  const context = createContext(brief, { textWidth, furnitureTabs: options.reference.furnitureTabs, baseDir: options.baseDir, fragments: options.fragments });
  const author = meta.authors.join('; ');
  return new Document({
    title: meta.title,
    subject: meta.subtitle ?? meta.classification,
    creator: author || options.generator,
    lastModifiedBy: author || options.generator,
    keywords: meta.keywords.join('; '),
    description: plainText(meta.summary, context),
    revision: 1,
    customProperties: [
      { name: 'Classification', value: meta.classification },
      { name: 'Generator', value: options.generator },
    ],
    externalStyles: withLanguage(options.reference.styles, meta.lang),
    features: { updateFields: false },
    numbering: {
      config: [
        { reference: listReferences.bullets, levels: levels('bullet') },
        { reference: listReferences.ordered, levels: levels('decimal') },
        { reference: listReferences.sources, levels: levels('decimal', 454) },
      ],
    },
    sections: [
      // A note has no cover: its header block opens the body's first page.
      ...(meta.layout === 'note' ? [] : [{ properties: { page: pageSetup, endnoteProperties }, ...coverFurniture(context), children: coverBlocks(context) }]),
      {
        properties: { page: pageSetup, type: SectionType.NEXT_PAGE, endnoteProperties },
        ...bodyFurniture(context),
        children: bodyChildren(context, options.changes),
      },
    ],
  });
}
