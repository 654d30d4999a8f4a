/**
 * ICD 203 likelihood words as they appear in prose, mapped to the scale, and the confidence
 * phrases ICD 203 says must not share a sentence with them.
 *
 * The synonyms are the pairs of ICD 203's table (almost no chance/remote, very unlikely/highly
 * improbable, unlikely/improbable, roughly even chance/roughly even odds, likely/probable,
 * very likely/highly probable, almost certain/nearly certain), their adverbs, and the common
 * "highly unlikely"/"highly likely" so that those are not misread as plain "unlikely"/"likely".
 */
import type { Likelihood } from '../../types.js';

/** Each wording, mapped to its place on the ICD 203 scale (docs/rules.md lists them). */
export const likelihoodSynonyms: ReadonlyArray<readonly [string, Likelihood]> = [
  ['almost no chance', 'almost no chance'],
  ['remote chance', 'almost no chance'],
  ['remote possibility', 'almost no chance'],
  ['remote prospect', 'almost no chance'],
  ['very unlikely', 'very unlikely'],
  ['highly unlikely', 'very unlikely'],
  ['highly improbable', 'very unlikely'],
  ['highly improbably', 'very unlikely'],
  ['unlikely', 'unlikely'],
  ['improbable', 'unlikely'],
  ['improbably', 'unlikely'],
  ['roughly even chance', 'roughly even chance'],
  ['roughly even odds', 'roughly even chance'],
  ['even chance', 'roughly even chance'],
  ['even odds', 'roughly even chance'],
  ['likely', 'likely'],
  ['probable', 'likely'],
  ['probably', 'likely'],
  ['very likely', 'very likely'],
  ['highly likely', 'very likely'],
  ['highly probable', 'very likely'],
  ['highly probably', 'very likely'],
  ['almost certain', 'almost certain'],
  ['almost certainly', 'almost certain'],
  ['nearly certain', 'almost certain'],
  ['nearly certainly', 'almost certain'],
];
const byWords = new Map(likelihoodSynonyms);
const alternatives = [...byWords.keys()].sort((a, b) => b.length - a.length).map((words) => words.replace(/ /g, '\\s+'));
// Longest phrases first, so "very unlikely" wins over "unlikely" and "likely" (and \b keeps
// "likely" inside "unlikely" from matching on its own).
const pattern = new RegExp(`\\b(${alternatives.join('|')})\\b`, 'gi');
// A comparative ("more likely than", "as likely as") or a negation grades nothing on the scale.
const qualifier = /\b(?:more|less|most|least|as|equally|not|no|never)\s+$/i;
// Fixed expressions that contain a likelihood word but are not estimates.
const fixedExpressions = /^\s+(?:cause|causes)\b/i;

/**
 * Text that is not the author's own wording: citations (`[@key]`, whose keys may contain any
 * word), quotes (`:q[…]{…}` and text in quotation marks, the source's words) and directive
 * attributes. Each is blanked to spaces of the same length, so offsets stay exact.
 */
const notOwnWords = /\[[^[\]]*@[\w:.#$%&\-+?<>~/]+[^[\]]*\]|:q\[[^\]]*\](?:\{[^}]*\})?|\{[^}]*\}|“[^”]*”|"[^"\n]*"/g;

/** `text` with citations, quotes and attributes blanked (same length, so offsets still match). */
export function ownWords(text: string): string {
  return text.replace(notOwnWords, (match) => match.replace(/[^\n]/g, ' '));
}

export interface LikelihoodMention {
  /** The words as written. */
  words: string;
  likelihood: Likelihood;
  /** Offset of the words in the text. */
  index: number;
}

/** Every likelihood expression in the author's own words of `text` (see `ownWords`). */
export function likelihoodMentions(text: string): LikelihoodMention[] {
  const own = ownWords(text);
  const mentions: LikelihoodMention[] = [];
  for (const match of own.matchAll(pattern)) {
    const before = own.slice(Math.max(0, match.index - 12), match.index);
    const after = own.slice(match.index + match[0].length, match.index + match[0].length + 8);
    if (qualifier.test(before) || fixedExpressions.test(after)) continue;
    const likelihood = byWords.get(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (likelihood) mentions.push({ words: match[0], likelihood, index: match.index });
  }
  return mentions;
}

/** Confidence phrases (ICD 203: "high/moderate/low confidence"; "we are confident"). */
export const confidencePattern =
  /\b(?:(?:high|moderate|medium|low)(?:-level|-|\s+)confidence|confidence\s+(?:is|remains|was)\s+(?:high|moderate|medium|low)|(?:we\s+are|we're)\s+(?:highly\s+|fairly\s+|quite\s+)?confident)\b/i;

/** The first confidence phrase in the author's own words of `text`, if any. */
export function confidenceMention(text: string): { words: string; index: number } | undefined {
  const match = confidencePattern.exec(ownWords(text));
  return match ? { words: match[0], index: match.index } : undefined;
}
