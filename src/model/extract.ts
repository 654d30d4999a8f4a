/**
 * mdast → draft model. Walks the top level of the body: level-2 headings open sections, known
 * directives become typed parts (and a block in their section), everything else is prose.
 * The draft is plain data; validation decides whether it is a valid brief.
 */
import type { Heading, Root, RootContent, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import GithubSlugger from 'github-slugger';
import { report } from '../errors/report.js';
import { customHeadingId } from '../source/linear-text.js';
import { containerNames, isContainerName } from '../source/directive-names.js';
import { ExtractContext, attribute, plainText } from './context.js';
import { readFrontMatter } from './front-matter.js';
import { extractDisagreement, extractEvent, extractJudgment, extractReaction } from './parts.js';
import { extractFile } from './file-part.js';
import { extractLegalAnalysis } from './legal-part.js';
import type { Places } from './places.js';
import type { Fragments } from './fragments.js';

type Draft = Record<string, unknown>;
interface DraftSection {
  id: string;
  title: string;
  blocks: Draft[];
  position?: Draft['position'];
}

/** The result of extraction: the draft (schema input) and where each of its parts came from. */
export interface Extracted {
  draft: Record<string, unknown>;
  places: Places;
  /** The tree of each Markdown field, by its text (see fragments.ts). */
  fragments: Fragments;
}

/** Extracts the draft model from a parsed brief. Problems are reported on `file`. */
export function extractBrief(tree: Root, file: VFile): Extracted {
  const context = new ExtractContext(file);
  const yaml = tree.children.find((child): child is Yaml => child.type === 'yaml');
  const { meta, sources } = readFrontMatter(yaml, file, context.places);
  const parts = {
    keyJudgments: [] as Draft[],
    files: [] as Draft[],
    legalAnalyses: [] as Draft[],
    reactions: [] as Draft[],
    timeline: [] as Draft[],
    disagreements: [] as Draft[],
  };
  const slugger = new GithubSlugger();
  const sections: DraftSection[] = [];
  let section: DraftSection = { id: 'introduction', title: '', blocks: [] };
  let prose: RootContent[] = [];

  const flush = () => {
    const markdown = context.slice(prose);
    if (markdown) section.blocks.push({ kind: 'prose', markdown, index: null });
    prose = [];
  };
  const add = (kind: string, index: number) => {
    flush();
    section.blocks.push({ kind, markdown: null, index });
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 2) {
      flush();
      if (section.blocks.length > 0 || section.title) sections.push(section);
      if (node.depth === 1) report(file, 'heading-level', node.position);
      section = headingSection(node, slugger);
      continue;
    }
    if (node.type === 'leafDirective' && node.name === 'event') {
      context.handled.add(node);
      add('event', parts.timeline.push(extractEvent(context, node, parts.timeline.length)) - 1);
      continue;
    }
    if (node.type !== 'containerDirective' || !isContainerName(node.name) || containerNames[node.name] !== 'body') {
      prose.push(node);
      continue;
    }
    context.handled.add(node);
    switch (node.name) {
      case 'judgment':
        add('judgment', parts.keyJudgments.push(extractJudgment(context, node, parts.keyJudgments.length)) - 1);
        break;
      case 'file':
        add('file', parts.files.push(extractFile(context, node, parts.files.length)) - 1);
        break;
      case 'reaction':
        add('reaction', parts.reactions.push(extractReaction(context, node, parts.reactions.length)) - 1);
        break;
      case 'disagreement':
        add('disagreement', parts.disagreements.push(extractDisagreement(context, node, parts.disagreements.length)) - 1);
        break;
      case 'legal':
      case 'extradition':
        add('legal', parts.legalAnalyses.push(extractLegalAnalysis(context, node, parts.legalAnalyses.length)) - 1);
        break;
    }
  }
  flush();
  if (section.blocks.length > 0 || section.title) sections.push(section);

  reportMisplaced(tree, context);
  const quotes = collectQuotes(tree, context);
  return { draft: { meta, sources, ...parts, quotes, sections }, places: context.places, fragments: context.fragments };
}

function headingSection(node: Heading, slugger: GithubSlugger): DraftSection {
  const text = plainText(node).trim();
  const custom = customHeadingId(text);
  const title = custom ? custom.title : text;
  const id = custom?.id ?? slugger.slug(title);
  return node.position ? { id, title, blocks: [], position: node.position } : { id, title, blocks: [] };
}

function reportMisplaced(tree: Root, context: ExtractContext): void {
  visit(tree, (node) => {
    if ((node.type !== 'containerDirective' && node.type !== 'leafDirective') || context.handled.has(node)) return;
    if (node.type === 'leafDirective' && node.name !== 'event') return;
    if (node.type === 'containerDirective' && !isContainerName(node.name)) return;
    // Parts whose block lost its opening fence: reported once, at the fence left behind.
    if (context.file.data.orphanParts?.has(node.position?.start.offset ?? -1)) return;
    const home = node.type === 'leafDirective' ? 'body' : containerNames[node.name as keyof typeof containerNames];
    report(context.file, 'misplaced-directive', node.position, {
      name: node.name,
      where: 'here',
      expected: home === 'body' ? 'at the top level of the body (not inside a list, quote or another block)' : `directly inside a \`${home}\` block`,
    });
  });
}

function collectQuotes(tree: Root, context: ExtractContext): Draft[] {
  const quotes: Draft[] = [];
  visit(tree, 'textDirective', (node) => {
    if (node.name !== 'q') return;
    const path = `quotes.${quotes.length}`;
    context.placeDirective(path, node);
    context.checkAttributes(node, ['source'], path);
    quotes.push({ text: plainText(node), source: attribute(node, 'source'), position: node.position });
  });
  return quotes;
}
