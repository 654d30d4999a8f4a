/**
 * Analytic-standards lint (ICD 203): judgments are cited and graded; prose does not contradict
 * the grade; likelihood and confidence are not mixed in one sentence; paragraphs cite sources.
 */
import type { Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { visit } from 'unist-util-visit';
import { report } from '../../errors/report.js';
import type { Places } from '../../model/places.js';
import { hasCitation } from '../walk.js';
import { confidencePattern, likelihoodMentions } from './likelihood-words.js';

interface JudgmentLike { statement?: unknown; likelihood?: unknown; citations?: unknown[] }

/** Judgments: cited, and their prose agrees with their likelihood attribute. */
export function checkJudgments(file: VFile, judgments: JudgmentLike[] | undefined, places: Places): void {
  const toPoint = location(String(file.value)).toPoint;
  (judgments ?? []).forEach((judgment, index) => {
    if ((judgment.citations ?? []).length === 0) report(file, 'judgment-uncited', places.get(`keyJudgments.${index}`));
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

/** Sentences that mix a likelihood word with a confidence phrase; paragraphs without citations. */
export function checkProse(file: VFile, tree: Root): void {
  visit(tree, 'paragraph', (paragraph: Paragraph, _index, parent) => {
    if (paragraph.data?.directiveLabel || parent?.type === 'footnoteDefinition') return;
    if (!hasCitation(paragraph)) report(file, 'uncited-paragraph', paragraph.position);
    const text = String(file.value).slice(paragraph.position?.start.offset ?? 0, paragraph.position?.end.offset ?? 0);
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const likelihood = likelihoodMentions(sentence)[0];
      const confidence = sentence.match(confidencePattern)?.[0];
      if (likelihood && confidence) {
        report(file, 'likelihood-confidence-mixed', paragraph.position, { likelihood: likelihood.words, confidence });
      }
    }
  });
}
