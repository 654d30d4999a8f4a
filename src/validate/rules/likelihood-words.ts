/** ICD 203 likelihood words as they appear in prose, mapped to the scale. */
import type { Likelihood } from '../../types.js';

const synonyms: Array<[string, Likelihood]> = [
  ['almost no chance', 'almost no chance'], ['remote', 'almost no chance'],
  ['very unlikely', 'very unlikely'], ['highly improbable', 'very unlikely'],
  ['roughly even chance', 'roughly even chance'], ['roughly even odds', 'roughly even chance'],
  ['almost certainly', 'almost certain'], ['almost certain', 'almost certain'], ['nearly certain', 'almost certain'],
  ['very likely', 'very likely'], ['highly probable', 'very likely'],
  ['unlikely', 'unlikely'], ['improbable', 'unlikely'],
  ['likely', 'likely'], ['probable', 'likely'], ['probably', 'likely'],
];
const byWords = new Map(synonyms);
// Longest phrases first, so "very unlikely" wins over "unlikely" and "likely".
const pattern = new RegExp(`\\b(${[...byWords.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');

export interface LikelihoodMention {
  words: string;
  likelihood: Likelihood;
  index: number;
}

/** Every likelihood expression in `text`. */
export function likelihoodMentions(text: string): LikelihoodMention[] {
  return [...text.matchAll(pattern)].map((match) => ({
    words: match[0],
    likelihood: byWords.get(match[0].toLowerCase()) as Likelihood,
    index: match.index,
  }));
}

/** Confidence phrases that ICD 203 says must not share a sentence with a likelihood. */
export const confidencePattern = /\b((?:high|moderate|low)(?:-level)? confidence|(?:we are|we're) (?:highly |fairly )?confident)\b/gi;
