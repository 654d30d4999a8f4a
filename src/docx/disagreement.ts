/** Where sources disagree: the topic as Heading 2, each view as a bullet, then our reading. */
import { Paragraph, type FileChild } from 'docx';
import type { Disagreement } from '../types.js';
import { heading, listReferences, markdownBlocks, markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';

export function disagreementBlocks(disagreement: Disagreement, context: DocxContext): FileChild[] {
  return [
    heading(2, disagreement.topic, context),
    ...disagreement.views.map(
      (view) => new Paragraph({ numbering: { reference: listReferences.bullets, level: 0 }, children: markdownInline(view.text, context) }),
    ),
    ...(disagreement.note ? markdownBlocks(disagreement.note, context) : []),
  ];
}
