/**
 * The Word styles briefsmith's documents use, as WordprocessingML. They make the built-in
 * reference document (defaults/templates/brief.docx, written by scripts/reference-docx.js), and fill
 * in any style a project's own reference document lacks: an editor's styles always win, and a
 * document made from any Word template still has every style it names. Written as XML rather
 * than through docx's style options because those cannot define table styles or latent names,
 * and a reference document is XML anyway. docs/docx.md lists the names.
 */

const font = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>';
const navy = '1F3A5F';

/** One style: its id (what the document names), its type, and its definition. */
export interface StyleDefinition {
  id: string;
  type: 'paragraph' | 'character' | 'table';
  xml: string;
}

const paragraph = (id: string, name: string, body: string, options: { basedOn?: string; next?: string; hidden?: boolean } = {}): StyleDefinition => ({
  id,
  type: 'paragraph',
  xml: `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${options.basedOn === '' ? '' : `<w:basedOn w:val="${options.basedOn ?? 'Normal'}"/>`}${options.next ? `<w:next w:val="${options.next}"/>` : ''}${options.hidden ? '<w:semiHidden/><w:unhideWhenUsed/>' : '<w:qFormat/>'}${body}</w:style>`,
});
const character = (id: string, name: string, body: string): StyleDefinition => ({
  id,
  type: 'character',
  xml: `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>${body}</w:rPr></w:style>`,
});
const heading = (level: number, size: number, before: number, color: string): StyleDefinition =>
  paragraph(
    `Heading${level}`,
    `heading ${level}`,
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="120"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="${color}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`,
    { next: 'Normal' },
  );
const tocLevel = (level: number): StyleDefinition =>
  paragraph(
    `TOC${level}`,
    `toc ${level}`,
    `<w:pPr><w:spacing w:before="${level === 1 ? 120 : 0}" w:after="40"/><w:ind w:left="${(level - 1) * 360}"/></w:pPr>${level === 1 ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}`,
    { next: 'Normal', hidden: true },
  );

const border = (side: string, size: number, color: string) => `<w:${side} w:val="single" w:sz="${size}" w:space="0" w:color="${color}"/>`;

/** Every style briefsmith names, in the order they appear in Word's style list. */
export const styleDefinitions: readonly StyleDefinition[] = [
  {
    id: 'Normal',
    type: 'paragraph',
    xml: `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr><w:rPr>${font}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr></w:style>`,
  },
  {
    id: 'DefaultParagraphFont',
    type: 'character',
    xml: '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
  },
  {
    id: 'TableNormal',
    type: 'table',
    xml: '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  },
  paragraph(
    'Title',
    'Title',
    `<w:pPr><w:spacing w:before="480" w:after="120"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="${navy}"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr>`,
    { next: 'Subtitle' },
  ),
  paragraph('Subtitle', 'Subtitle', '<w:pPr><w:spacing w:after="480"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr>', {
    next: 'Normal',
  }),
  heading(1, 32, 360, navy),
  heading(2, 26, 280, navy),
  heading(3, 23, 200, '2F2F2F'),
  paragraph(
    'Kicker',
    'Kicker',
    `<w:pPr><w:spacing w:before="1200" w:after="0"/></w:pPr><w:rPr><w:caps/><w:color w:val="${navy}"/><w:spacing w:val="40"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>`,
  ),
  paragraph('CoverDetails', 'Cover Details', '<w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>'),
  paragraph(
    'Classification',
    'Classification',
    '<w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val="9C1C1C"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
  ),
  paragraph(
    'Header',
    'header',
    `<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>`,
    { hidden: true },
  ),
  paragraph(
    'Footer',
    'footer',
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>',
    { hidden: true },
  ),
  paragraph(
    'TOCHeading',
    'TOC Heading',
    `<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="${navy}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>`,
    { next: 'Normal' },
  ),
  tocLevel(1),
  tocLevel(2),
  tocLevel(3),
  paragraph(
    'BottomLine',
    'Bottom Line',
    `<w:pPr><w:pBdr>${border('left', 24, navy)}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F7"/><w:ind w:left="227" w:right="113"/><w:spacing w:after="120"/></w:pPr>`,
  ),
  paragraph(
    'KeyJudgment',
    'Key Judgment',
    `<w:pPr><w:keepNext/><w:pBdr>${border('top', 6, navy)}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F7"/><w:spacing w:before="240" w:after="80"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>`,
    { next: 'JudgmentBasis' },
  ),
  paragraph(
    'JudgmentMeasures',
    'Judgment Measures',
    '<w:pPr><w:keepNext/><w:shd w:val="clear" w:color="auto" w:fill="EEF2F7"/><w:spacing w:after="80"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>',
    { next: 'JudgmentBasis' },
  ),
  paragraph('JudgmentBasis', 'Judgment Basis', '<w:pPr><w:ind w:left="227"/><w:spacing w:after="120"/></w:pPr>'),
  paragraph('Attribution', 'Attribution', '<w:pPr><w:keepNext/><w:spacing w:after="80"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr>'),
  paragraph(
    'TableText',
    'Table Text',
    '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>',
  ),
  paragraph(
    'TableHeading',
    'Table Heading',
    '<w:pPr><w:keepNext/><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>',
    { basedOn: 'TableText' },
  ),
  paragraph(
    'Source',
    'Source',
    '<w:pPr><w:spacing w:after="100"/><w:ind w:left="454" w:hanging="454"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
  ),
  paragraph(
    'BlockQuote',
    'Block Quote',
    `<w:pPr><w:pBdr>${border('left', 12, 'A6A6A6')}</w:pBdr><w:ind w:left="454" w:right="454"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr>`,
  ),
  paragraph(
    'CodeBlock',
    'Code Block',
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>',
  ),
  paragraph('ListParagraph', 'List Paragraph', '<w:pPr><w:spacing w:after="80"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>'),
  paragraph(
    'EndnoteText',
    'endnote text',
    '<w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
    { hidden: true },
  ),
  paragraph(
    'FootnoteText',
    'footnote text',
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
    { hidden: true },
  ),
  paragraph('Caption', 'caption', '<w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>', {
    next: 'Normal',
  }),
  character('EndnoteReference', 'endnote reference', '<w:vertAlign w:val="superscript"/>'),
  character('FootnoteReference', 'footnote reference', '<w:vertAlign w:val="superscript"/>'),
  character('Hyperlink', 'Hyperlink', '<w:color w:val="1F4E9A"/><w:u w:val="single"/>'),
  character('JudgmentNumber', 'Judgment Number', `<w:b/><w:bCs/><w:color w:val="${navy}"/>`),
  character('Likelihood', 'Likelihood', '<w:b/><w:bCs/><w:color w:val="7A3E00"/>'),
  character('Confidence', 'Confidence', '<w:b/><w:bCs/><w:color w:val="1F5F3A"/>'),
  character('MeasureLabel', 'Measure Label', '<w:caps/><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
  character('Stance', 'Stance', '<w:b/><w:bCs/>'),
  character('QuotedWords', 'Quoted Words', '<w:i/><w:iCs/>'),
  character('ArabicText', 'Arabic Text', '<w:rFonts w:cs="Arial"/><w:rtl/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:bidi="ar-SA"/>'),
  character('InlineCode', 'Inline Code', '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="20"/><w:szCs w:val="20"/>'),
  {
    id: 'BriefTable',
    type: 'table',
    xml:
      `<w:style w:type="table" w:styleId="BriefTable"><w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>${border('top', 4, 'A6A6A6')}${border('bottom', 4, 'A6A6A6')}${border('insideH', 4, 'D0D0D0')}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${navy}"/></w:tcPr></w:tblStylePr>` +
      '<w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F4F6F9"/></w:tcPr></w:tblStylePr></w:style>',
  },
];

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
