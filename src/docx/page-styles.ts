/**
 * The styles of the page itself: Word's defaults, title, headings, cover lines, running header and
 * footer, and the table of contents — the ones any document from the reference needs.
 */
import { font, heading, navy, paragraph, type StyleDefinition, tocLevel } from './style-builders.js';

/** The page styles, in the order they appear in Word's style list. */
export const pageStyles: readonly StyleDefinition[] = [
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
];
