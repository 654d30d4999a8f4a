/**
 * The small builders every Word style definition is written with, so that each style below reads
 * as its name and its formatting rather than as repeated WordprocessingML boilerplate.
 */

export const font = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>';
export const navy = '1F3A5F';

/** One style: its id (what the document names), its type, and its definition. */
export interface StyleDefinition {
  id: string;
  type: 'paragraph' | 'character' | 'table';
  xml: string;
}

export const paragraph = (id: string, name: string, body: string, options: { basedOn?: string; next?: string; hidden?: boolean } = {}): StyleDefinition => ({
  id,
  type: 'paragraph',
  xml: `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${options.basedOn === '' ? '' : `<w:basedOn w:val="${options.basedOn ?? 'Normal'}"/>`}${options.next ? `<w:next w:val="${options.next}"/>` : ''}${options.hidden ? '<w:semiHidden/><w:unhideWhenUsed/>' : '<w:qFormat/>'}${body}</w:style>`,
});
export const character = (id: string, name: string, body: string): StyleDefinition => ({
  id,
  type: 'character',
  xml: `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>${body}</w:rPr></w:style>`,
});
export const heading = (level: number, size: number, before: number, color: string): StyleDefinition =>
  paragraph(
    `Heading${level}`,
    `heading ${level}`,
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="120"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="${color}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`,
    { next: 'Normal' },
  );
export const tocLevel = (level: number): StyleDefinition =>
  paragraph(
    `TOC${level}`,
    `toc ${level}`,
    `<w:pPr><w:spacing w:before="${level === 1 ? 120 : 0}" w:after="40"/><w:ind w:left="${(level - 1) * 360}"/></w:pPr>${level === 1 ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}`,
    { next: 'Normal', hidden: true },
  );

export const border = (side: string, size: number, color: string) => `<w:${side} w:val="single" w:sz="${size}" w:space="0" w:color="${color}"/>`;
