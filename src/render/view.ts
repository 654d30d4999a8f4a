/**
 * The template context: the brief as plain JSON (no prototypes, no functions), plus what
 * templates need but the model does not hold — source numbers, grouped blocks, the outline.
 * Documented in docs/templates.md; templates see nothing else.
 */
import { omitPositions } from '../model/plain.js';
import type { Brief, Block } from '../types.js';
import { likelihoods } from '../model/schema.js';
import type { ChangesView } from './changes-view.js';
import { isShown, wantsContents } from './contents.js';

export type BlockPartial = 'prose' | 'judgments' | 'file' | 'extradition' | 'reactions' | 'timeline' | 'disagreement';

const groupOf: Record<Block['kind'], BlockPartial> = {
  prose: 'prose', judgment: 'judgments', file: 'file', extradition: 'extradition',
  reaction: 'reactions', event: 'timeline', disagreement: 'disagreement',
};
/** Consecutive blocks of these kinds render as one box, table or list. */
const grouped = new Set<BlockPartial>(['judgments', 'reactions', 'timeline']);

export interface ViewOptions {
  /** Tool name and version shown in the output's colophon. */
  generator: string;
  /** Extra CSS (print styles, fonts), HTML only. */
  css?: string;
  /** "Changes since <date>" (`build --since`); the section shows only when present. */
  changes?: ChangesView | null | undefined;
}

/** Builds the plain-JSON context every template receives. */
export function buildView(brief: Brief, options: ViewOptions) {
  const plain = JSON.parse(JSON.stringify(brief, omitPositions)) as Brief;
  const stripped = { ...plain, keyJudgments: plain.keyJudgments.map((judgment, index) => ({ ...judgment, number: index + 1 })) };
  const numbers = Object.fromEntries(stripped.sources.map((source, index) => [source.key, index + 1]));
  const sections = stripped.sections.filter(isShown).map((section) => ({
    id: section.id,
    title: section.title,
    blocks: groupBlocks(stripped, section.blocks),
    files: section.blocks.filter((block) => block.kind === 'file').map((block) => {
      const file = stripped.files[block.index ?? 0];
      return { id: file?.id ?? '', title: file?.title ?? '' };
    }),
  }));
  return {
    ...stripped,
    sources: stripped.sources.map((source, index) => ({ ...source, number: index + 1 })),
    sections,
    sourceNumbers: numbers,
    likelihoodScale: likelihoods,
    generator: options.generator,
    css: options.css ?? '',
    changes: options.changes ?? null,
    showContents: wantsContents(brief),
  };
}

export type View = ReturnType<typeof buildView>;

function groupBlocks(brief: Brief & { keyJudgments: unknown[] }, blocks: Block[]) {
  const out: Array<{ partial: BlockPartial; markdown: string | null; items: unknown[] }> = [];
  for (const block of blocks) {
    const partial = groupOf[block.kind];
    const item = itemOf(brief, block);
    const previous = out.at(-1);
    if (previous && previous.partial === partial && grouped.has(partial)) previous.items.push(item);
    else out.push({ partial, markdown: block.markdown, items: item === null ? [] : [item] });
  }
  return out;
}

function itemOf(brief: Brief & { keyJudgments: unknown[] }, block: Block): unknown {
  const index = block.index ?? 0;
  switch (block.kind) {
    case 'judgment': return brief.keyJudgments[index];
    case 'file': return brief.files[index];
    case 'extradition': return brief.extradition;
    case 'reaction': return brief.westernReactions[index];
    case 'event': return brief.timeline[index];
    case 'disagreement': return brief.disagreements[index];
    default: return null;
  }
}
