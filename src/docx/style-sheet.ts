/**
 * The Word styles briefsmith's documents use, as WordprocessingML. They make the built-in
 * reference document (defaults/templates/brief.docx, written by scripts/reference-docx.js), and fill
 * in any style a project's own reference document lacks: an editor's styles always win, and a
 * document made from any Word template still has every style it names. Written as XML rather
 * than through docx's style options because those cannot define table styles or latent names,
 * and a reference document is XML anyway. docs/docx.md lists the names.
 */
import { bodyStyles, briefTableStyle } from './body-styles.js';
import { characterStyles } from './character-styles.js';
import { pageStyles } from './page-styles.js';
import { font, type StyleDefinition } from './style-builders.js';

export type { StyleDefinition } from './style-builders.js';

/** Every style briefsmith names, in the order they appear in Word's style list. */
export const styleDefinitions: readonly StyleDefinition[] = [...pageStyles, ...bodyStyles, ...characterStyles, briefTableStyle];

/** The ids of the styles a styles part defines. */
export function definedStyleIds(stylesXml: string): Set<string> {
  return new Set([...stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"/g)].map((match) => match[1]!));
}

/** `stylesXml` with the definitions of every briefsmith style it lacks added at its end. */
export function completeStyles(stylesXml: string): string {
  const defined = definedStyleIds(stylesXml);
  const missing = styleDefinitions
    .filter((style) => !defined.has(style.id))
    .map((style) => style.xml)
    .join('');
  const end = stylesXml.lastIndexOf('</w:styles>');
  return end === -1 ? stylesXml : stylesXml.slice(0, end) + missing + stylesXml.slice(end);
}

const namespaces =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';

/** The built-in styles part: document defaults and every style above. */
export function builtinStylesXml(): string {
  const defaults = `<w:docDefaults><w:rPrDefault><w:rPr>${font}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${namespaces}>${defaults}${styleDefinitions.map((style) => style.xml).join('')}</w:styles>`;
}
