/**
 * The template context: the brief as plain JSON (no prototypes, no functions), plus what
 * templates need but the model does not hold — source numbers, grouped blocks, the outline.
 * Documented in docs/templates.md; templates see nothing else.
 */
import type { Brief, Block } from '../types.js';
import { likelihoods } from '../model/schema.js';
import type { ChangesView } from './changes-view.js';
import { isShown } from './contents.js';
import { plainBasis } from './plain-basis.js';

export type BlockPartial = 'prose' | 'judgments' | 'file' | 'legal' | 'reactions' | 'timeline' | 'disagreement';

const groupOf: Record<Block['kind'], BlockPartial> = {
  prose: 'prose',
  judgment: 'judgments',
  file: 'file',
  legal: 'legal',
  reaction: 'reactions',
  event: 'timeline',
  disagreement: 'disagreement',
};
/** Consecutive blocks of these kinds render as one box, table or list. */
const grouped = new Set<BlockPartial>(['judgments', 'reactions', 'timeline']);

export interface ViewOptions {
  /** Tool name and version shown in the output's colophon. */
  generator: string;
  /** Extra CSS (print styles, fonts), HTML only. */
  css?: string;
  /** Stylesheets to link (site mode), relative to the page; empty when the CSS is inline. */
  stylesheets?: string[];
  /** "Changes since <date>" (`build --since`); the section shows only when present. */
  changes?: ChangesView | null | undefined;
}

/** Builds the plain-JSON context every template receives. */
export function buildView(brief: Brief, options: ViewOptions) {
  const { plain, showContents } = plainBasis(brief);
  const stripped = { ...plain, keyJudgments: plain.keyJudgments.map((judgment, index) => ({ ...judgment, number: index + 1 })) };
  const numbers = Object.fromEntries(stripped.sources.map((source, index) => [source.key, index + 1]));
  const sections = stripped.sections.filter(isShown).map((section) => ({
    id: section.id,
    title: section.title,
    blocks: groupBlocks(stripped, section.blocks),
    files: section.blocks
      .filter((block) => block.kind === 'file')
      .map((block) => {
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
    stylesheets: options.stylesheets ?? [],
    changes: options.changes ?? null,
    showContents,
  };
}

export type View = ReturnType<typeof buildView>;

type BlockView = { partial: BlockPartial; markdown: string | null; items: unknown[]; groups?: ReactionGroup[] };
type Reaction = Brief['reactions'][number];
/** Reactions under one group name (null: reactions given no group), in the order the brief gives them. */
interface ReactionGroup {
  name: string | null;
  items: Reaction[];
}

function groupBlocks(brief: Brief & { keyJudgments: unknown[] }, blocks: Block[]) {
  const out: BlockView[] = [];
  for (const block of blocks) {
    const partial = groupOf[block.kind];
    const item = itemOf(brief, block);
    const previous = out.at(-1);
    if (previous && previous.partial === partial && grouped.has(partial)) previous.items.push(item);
    else out.push({ partial, markdown: block.markdown, items: item === null ? [] : [item] });
  }
  for (const view of out) if (view.partial === 'reactions') view.groups = reactionGroups(view.items as Reaction[]);
  return out;
}

/** Groups a run of reactions by `group`, each group where its first reaction stands. */
function reactionGroups(reactions: Reaction[]): ReactionGroup[] {
  const groups = new Map<string | null, ReactionGroup>();
  for (const reaction of reactions) {
    const group = groups.get(reaction.group) ?? { name: reaction.group, items: [] };
    group.items.push(reaction);
    groups.set(reaction.group, group);
  }
  return [...groups.values()];
}

/** A legal analysis with its grounds split by side, so templates can head each list. */
function legalView(analysis: Brief['legalAnalyses'][number] | undefined) {
  if (!analysis) return null;
  return {
    ...analysis,
    groundsFor: analysis.grounds.filter((ground) => ground.side === 'for'),
    groundsAgainst: analysis.grounds.filter((ground) => ground.side === 'against'),
  };
}

function itemOf(brief: Brief & { keyJudgments: unknown[] }, block: Block): unknown {
  const index = block.index ?? 0;
  switch (block.kind) {
    case 'judgment':
      return brief.keyJudgments[index];
    case 'file':
      return brief.files[index];
    case 'legal':
      return legalView(brief.legalAnalyses[index]);
    case 'reaction':
      return brief.reactions[index];
    case 'event':
      return brief.timeline[index];
    case 'disagreement':
      return brief.disagreements[index];
    default:
      return null;
  }
}
