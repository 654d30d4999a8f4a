/**
 * mdast → draft model. Walks the top level of the body: level-2 headings open sections, known
 * directives become typed parts (and a block in their section), everything else is prose.
 * The draft is plain data; validation decides whether it is a valid brief.
 */
import type { Root, Yaml } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from '../source/visit-tree.js';
import { report } from '../errors/report.js';
import { containerNames, isContainerName } from '../source/directive-names.js';
import { ExtractContext, attribute, plainText } from './context.js';
import { readFrontMatter } from './front-matter.js';
import { extractDisagreement, extractEvent, extractJudgment, extractReaction } from './parts.js';
import { extractFile } from './file-part.js';
import { extractLegalAnalysis } from './legal-part.js';
import type { Places } from './places.js';
import type { Fragments } from './fragments.js';
import { SectionReader } from './sections.js';

type Draft = Record<string, unknown>;

/** The lists of typed parts a brief's body fills, in the model's order. */
interface Parts {
  keyJudgments: Draft[];
  files: Draft[];
  legalAnalyses: Draft[];
  reactions: Draft[];
  timeline: Draft[];
  disagreements: Draft[];
}

type Extractor = (context: ExtractContext, node: ContainerDirective, index: number) => Draft;

/** Each body directive: the block kind it leaves in its section, the list it joins, how it is read. */
const bodyParts: Record<string, { kind: string; part: keyof Parts; extract: Extractor }> = {
  judgment: { kind: 'judgment', part: 'keyJudgments', extract: extractJudgment },
  file: { kind: 'file', part: 'files', extract: extractFile },
  reaction: { kind: 'reaction', part: 'reactions', extract: extractReaction },
  disagreement: { kind: 'disagreement', part: 'disagreements', extract: extractDisagreement },
  legal: { kind: 'legal', part: 'legalAnalyses', extract: extractLegalAnalysis },
  extradition: { kind: 'legal', part: 'legalAnalyses', extract: extractLegalAnalysis },
};

/** The result of extraction: the draft (schema input) and where each of its parts came from. */
export interface Extracted {
  draft: Record<string, unknown>;
  places: Places;
  /** The tree of each Markdown field, by its text (see fragments.ts). */
  fragments: Fragments;
}

/** Extracts the draft model from a parsed brief; `declared` names the project's own front-matter fields. Problems are reported on `file`. */
export function extractBrief(tree: Root, file: VFile, declared: readonly string[] = []): Extracted {
  const context = new ExtractContext(file);
  const yaml = tree.children.find((child): child is Yaml => child.type === 'yaml');
  const { meta, sources } = readFrontMatter(yaml, file, context.places, declared);
  const parts: Parts = { keyJudgments: [], files: [], legalAnalyses: [], reactions: [], timeline: [], disagreements: [] };
  const sections = new SectionReader(context);
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1) report(file, 'heading-level', node.position);
      sections.heading(node);
    } else if (node.type === 'leafDirective' && node.name === 'event') {
      context.handled.add(node);
      sections.block('event', parts.timeline.push(extractEvent(context, node, parts.timeline.length)) - 1);
    } else if (node.type === 'containerDirective' && isContainerName(node.name) && containerNames[node.name] === 'body' && bodyParts[node.name]) {
      context.handled.add(node);
      const { kind, part, extract } = bodyParts[node.name]!;
      sections.block(kind, parts[part].push(extract(context, node, parts[part].length)) - 1);
    } else sections.text(node);
  }
  const body = sections.end();
  reportMisplaced(tree, context);
  const quotes = collectQuotes(tree, context);
  return { draft: { meta, sources, ...parts, quotes, sections: body }, places: context.places, fragments: context.fragments };
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
