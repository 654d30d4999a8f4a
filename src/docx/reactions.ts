/**
 * Reactions by actor as tables (Actor, Stance, Date, What they said or did), one per group with
 * the group's name above it, as the Markdown shows them.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Reaction } from '../types.js';
import { formatDate } from '../render/helpers/common.js';
import { markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';
import { briefTable } from './tables.js';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** The reactions by `group`, each group where its first reaction stands (as the HTML view groups them). */
function byGroup(reactions: readonly Reaction[]): Array<[string | null, Reaction[]]> {
  const groups = new Map<string | null, Reaction[]>();
  for (const reaction of reactions) groups.set(reaction.group, [...(groups.get(reaction.group) ?? []), reaction]);
  return [...groups];
}

export function reactionBlocks(reactions: readonly Reaction[], context: DocxContext): FileChild[] {
  return byGroup(reactions).flatMap(([group, members]) => [
    ...(group === null ? [] : [new Paragraph({ style: styleIds.attribution, keepNext: true, children: textRuns(group, { bold: true }) })]),
    briefTable(
      {
        headers: ['Actor', 'Stance', 'Date', 'What they said or did'],
        widths: [3, 2, 2.2, 8],
        rows: members.map((reaction) => [
          textRuns(reaction.actor, { bold: true }),
          [new TextRun({ text: capitalised(reaction.stance), style: styleIds.stance })],
          textRuns(formatDate(reaction.date)),
          markdownInline(reaction.text, context),
        ]),
      },
      context,
    ),
  ]);
}
