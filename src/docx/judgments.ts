/** Key judgments: a numbered statement in the Key Judgment style, its measures, then its basis. */
import { Paragraph, TextRun, type FileChild } from 'docx';
import type { KeyJudgment } from '../types.js';
import { markdownBlocks, markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';
import { measuresParagraph } from './measures.js';
import { styleIds } from './style-ids.js';

export function judgmentBlocks(judgment: KeyJudgment, number: number, context: DocxContext): FileChild[] {
  const statement = new Paragraph({
    style: styleIds.keyJudgment,
    children: [new TextRun({ text: `KJ${number}  `, style: styleIds.judgmentNumber }), ...markdownInline(judgment.statement, context)],
  });
  const measures = measuresParagraph(judgment.likelihood, judgment.confidence);
  return [statement, ...(measures ? [measures] : []), ...(judgment.basis ? markdownBlocks(judgment.basis, context, styleIds.judgmentBasis) : [])];
}
