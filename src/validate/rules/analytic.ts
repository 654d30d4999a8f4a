/**
 * Analytic-standards lint (ICD 203): judgments are cited and graded; prose does not contradict
 * the grade; likelihood and confidence are not mixed in one sentence; analytic paragraphs cite
 * sources. docs/rules.md describes what each rule counts.
 */
import type { Nodes, Paragraph, Parents, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { SKIP, visit } from '../../source/visit-tree.js';
import { split } from 'sentence-splitter';
import { report } from '../../errors/report.js';
import type { Places } from '../../model/places.js';
import { hasCitation, reportedInside } from '../walk.js';
import { referenceBlocks } from './analytic-sections.js';
import { confidenceMention, likelihoodMentions, ownWords } from './likelihood-words.js';

interface JudgmentLike {
  statement?: unknown;
  likelihood?: unknown;
  citations?: unknown[];
}

/** Judgments: cited, and the likelihood words of their statement agree with the attribute. */
export function checkJudgments(file: VFile, judgments: JudgmentLike[] | undefined, places: Places): void {
  const toPoint = location(String(file.value)).toPoint;
  (judgments ?? []).forEach((judgment, index) => {
    const where = places.get(`keyJudgments.${index}`);
    if ((judgment.citations ?? []).length === 0 && !reportedInside(file, 'malformed-citation', where)) report(file, 'judgment-uncited', where);
    const statement = places.get(`keyJudgments.${index}.statement`);
    if (typeof judgment.statement !== 'string' || typeof judgment.likelihood !== 'string') return;
    for (const mention of likelihoodMentions(judgment.statement)) {
      if (mention.likelihood === judgment.likelihood) continue;
      const offset = statement?.start.offset;
      const place = offset === undefined ? statement : toPoint(offset + mention.index);
      report(file, 'likelihood-mismatch', place, { words: mention.words, likelihood: judgment.likelihood });
    }
  });
}

/** Sentences that mix a likelihood word with a confidence phrase; uncited analytic paragraphs. */
export function checkProse(file: VFile, tree: Root): void {
  const source = String(file.value);
  const toPoint = location(source).toPoint;
  const skipped = referenceBlocks(tree);
  visit(tree, (node: Nodes, index, parent) => {
    if (parent === tree && skipped.has(node as RootContent)) return SKIP;
    if (node.type !== 'paragraph' || node.data?.directiveLabel || parent?.type === 'footnoteDefinition') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const text = source.slice(start, end);
    // `##Notes` is a paragraph, not a section: printed with its hashes and missing from the contents.
    const glued = /^(#{2,6})(\p{L}[^\n]*)/u.exec(text);
    if (glued) report(file, 'heading-without-space', node.position?.start, { written: glued[0], fixed: `${glued[1]} ${glued[2]}` });
    else if (needsCitation(node, text, index, parent) && !reportedInside(file, 'malformed-citation', node.position))
      report(file, 'uncited-paragraph', node.position);
    // Splitting sentences is the slow part; most paragraphs cannot mix the two at all.
    if (!confidenceMention(text) || likelihoodMentions(text).length === 0) return;
    for (const sentence of sentencesOf(text)) {
      const likelihood = likelihoodMentions(sentence.text)[0];
      const confidence = confidenceMention(sentence.text);
      if (!likelihood || !confidence) continue;
      report(file, 'likelihood-confidence-mixed', toPoint(start + sentence.offset), { likelihood: likelihood.words, confidence: confidence.words });
    }
  });
}

/**
 * True when `paragraph` should cite and does not. A list item is one unit (a view, a point):
 * only its first paragraph is reported, and only when none of its own paragraphs cites. A
 * paragraph that only introduces a list (it ends with a colon and a list follows) is exempt.
 */
function needsCitation(paragraph: Paragraph, text: string, index: number | undefined, parent: Parents | undefined): boolean {
  const siblings = parent?.children ?? [];
  const next = index === undefined ? undefined : siblings[index + 1];
  if (next?.type === 'list' && ownWords(text).trimEnd().endsWith(':')) return false;
  if (parent?.type !== 'listItem') return !hasCitation(paragraph);
  const own = siblings.filter((child): child is Paragraph => child.type === 'paragraph');
  return own[0] === paragraph && !own.some((child) => hasCitation(child));
}

/** The sentences of `text` with their offsets; citations and quotes do not end a sentence. */
function sentencesOf(text: string): Array<{ text: string; offset: number }> {
  const masked = ownWords(text);
  return split(masked)
    .filter((node) => node.type === 'Sentence')
    .map((node) => {
      const [from, to] = node.range;
      const leading = /^\s*/.exec(masked.slice(from, to))?.[0].length ?? 0;
      return { text: text.slice(from + leading, to), offset: from + leading };
    });
}
