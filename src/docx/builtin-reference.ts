/**
 * The built-in reference document (defaults/templates/brief.docx): every briefsmith style with a line of
 * text showing it, on the page setup the documents use. `npm run docs:reference-docx` writes it;
 * a test checks the committed file is what this gives, so the two never drift apart.
 */
import { Document, HeadingLevel, Paragraph, TextRun } from 'docx';
import { packDocument } from './package.js';
import { builtinStylesXml, styleDefinitions } from './style-sheet.js';

/** The built-in page margins (about 23 mm) and header/footer distances (10 mm), in twips. */
export const builtinMargins = { top: 1304, right: 1304, bottom: 1304, left: 1304, header: 567, footer: 567, gutter: 0 };

const sample = (id: string, type: string) =>
  type === 'paragraph'
    ? new Paragraph({ style: id, text: `${id}: a paragraph in this style.` })
    : new Paragraph({ children: [new TextRun('Character style '), new TextRun({ style: id, text: id }), new TextRun(' inside Normal text.')] });

export function builtinReferenceDocx(): Promise<Uint8Array> {
  const build = () =>
    new Document({
      title: 'briefsmith reference document',
      description: 'Change the styles, page margins and header/footer distances here; briefsmith takes them from this file (docs/docx.md).',
      creator: 'briefsmith',
      externalStyles: builtinStylesXml(),
      features: { updateFields: false },
      sections: [
        {
          properties: { page: { size: { width: 11906, height: 16838 }, margin: builtinMargins } },
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, text: 'briefsmith reference document' }),
            new Paragraph(
              'Each line below is in the style it names. Edit a style (Home → Styles → Modify) rather than the text: briefsmith reads the styles and the page setup of this file and ignores its text.',
            ),
            ...styleDefinitions
              .filter((style) => style.type !== 'table' && !/^(Normal|DefaultParagraphFont|Title)$/.test(style.id))
              .map((style) => sample(style.id, style.type)),
          ],
        },
      ],
    });
  return packDocument(build, { date: new Date(Date.UTC(2025, 0, 1)), lang: 'en-GB' });
}
