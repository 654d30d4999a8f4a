/**
 * The paragraph styles of a brief's body: judgments, attributions, tables, sources, quotes, code,
 * lists and notes, and the table style, kept apart from the page styles so each list stays readable.
 */
import { border, navy, paragraph, type StyleDefinition } from './style-builders.js';

/** The body's paragraph styles, in the order they appear in Word's style list. */
export const bodyStyles: readonly StyleDefinition[] = [
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
];

/** The table style every brief table uses. */
export const briefTableStyle: StyleDefinition = {
  id: 'BriefTable',
  type: 'table',
  xml:
    `<w:style w:type="table" w:styleId="BriefTable"><w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>${border('top', 4, 'A6A6A6')}${border('bottom', 4, 'A6A6A6')}${border('insideH', 4, 'D0D0D0')}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${navy}"/></w:tcPr></w:tblStylePr>` +
    '<w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F4F6F9"/></w:tcPr></w:tblStylePr></w:style>',
};
