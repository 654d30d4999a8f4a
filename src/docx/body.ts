/**
 * The brief's sections in order: each titled section is a Heading 1, its blocks rendered by kind,
 * consecutive reactions and timeline events gathered into one table as in the HTML.
 */
import type { FileChild } from 'docx';
import type { Block, Section } from '../types.js';
import { heading, markdownBlocks } from './blocks.js';
import type { DocxContext } from './context.js';
import { disagreementBlocks } from './disagreement.js';
import { fileBlocks } from './file.js';
import { judgmentBlocks } from './judgments.js';
import { legalAnalysisBlocks } from './legal-analysis.js';
import { reactionBlocks } from './reactions.js';
import { timelineBlocks } from './timeline.js';

/** Kinds whose consecutive blocks make one table. */
const tabled = new Set<Block['kind']>(['reaction', 'event']);

function groupRuns(blocks: readonly Block[]): Block[][] {
  const runs: Block[][] = [];
  for (const block of blocks) {
    const last = runs.at(-1);
    if (last && tabled.has(block.kind) && last[0]?.kind === block.kind) last.push(block);
    else runs.push([block]);
  }
  return runs;
}

function runBlocks(run: Block[], context: DocxContext): FileChild[] {
  const { brief } = context;
  const first = run[0]!;
  const index = first.index ?? 0;
  switch (first.kind) {
    case 'prose':
      return markdownBlocks(first.markdown ?? '', context);
    case 'judgment':
      return brief.keyJudgments[index] ? judgmentBlocks(brief.keyJudgments[index], index + 1, context) : [];
    case 'file':
      return brief.files[index] ? fileBlocks(brief.files[index], context) : [];
    case 'legal':
      return brief.legalAnalyses[index] ? legalAnalysisBlocks(brief.legalAnalyses[index], context) : [];
    case 'reaction':
      return reactionBlocks(
        run.flatMap((block) => brief.reactions[block.index ?? 0] ?? []),
        context,
      );
    case 'event':
      return timelineBlocks(
        run.flatMap((block) => brief.timeline[block.index ?? 0] ?? []),
        context,
      );
    case 'disagreement':
      return brief.disagreements[index] ? disagreementBlocks(brief.disagreements[index], context) : [];
  }
}

export function sectionBlocks(section: Section, context: DocxContext): FileChild[] {
  return [...(section.title ? [heading(1, section.title, context)] : []), ...groupRuns(section.blocks).flatMap((run) => runBlocks(run, context))];
}
