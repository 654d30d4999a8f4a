/** Reactions by actor as a table (Actor, Stance, Date, What they said or did). */
import { TextRun, type FileChild } from 'docx';
import type { Reaction } from '../types.js';
import { formatDate } from '../render/helpers/common.js';
import { markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';
import { briefTable } from './tables.js';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

export function reactionBlocks(reactions: readonly Reaction[], context: DocxContext): FileChild[] {
  return [briefTable({
    headers: ['Actor', 'Stance', 'Date', 'What they said or did'],
    widths: [3, 2, 2.2, 8],
    rows: reactions.map((reaction) => [
      textRuns(reaction.actor, { bold: true }),
      [new TextRun({ text: capitalised(reaction.stance), style: styleIds.stance })],
      textRuns(formatDate(reaction.date)),
      markdownInline(reaction.text, context),
    ]),
  }, context)];
}
