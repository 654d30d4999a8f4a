/** "Changes since <date>" (`build --since`): Heading 1, then each group's items as bullets. */
import { Paragraph, type FileChild } from 'docx';
import type { ChangesView } from '../render/changes-view.js';
import { formatDate } from '../render/helpers/common.js';
import { heading, listReferences, markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';

export function changesBlocks(changes: ChangesView, context: DocxContext): FileChild[] {
  return [
    heading(1, `Changes since ${formatDate(changes.since)}`, context),
    ...changes.groups.flatMap((group) => [
      heading(2, group.title, context),
      ...group.items.map((item) => new Paragraph({ numbering: { reference: listReferences.bullets, level: 0 }, children: markdownInline(item, context) })),
    ]),
  ];
}
