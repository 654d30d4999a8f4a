/**
 * The limits check on the raw text, before parsing: each check is a cheap over-estimate, one
 * pass over the text or its lines, so a hostile brief is refused in milliseconds.
 */
import { countOf, type LimitProblem, type ParseLimits } from './parse-limits.js';
import { frontMatterEnd, yamlDepth } from './yaml-limits.js';
import { scanBody } from './body-limits.js';

export { defaultLimits, type LimitProblem, type ParseLimits } from './parse-limits.js';

/** The first limit `text` exceeds, or null. */
export function exceededLimit(text: string, limits: ParseLimits): LimitProblem | null {
  if (text.length > limits.maxCharacters) {
    return { what: 'brief size in characters', actual: text.length, limit: limits.maxCharacters, line: 1 };
  }
  const citations = text.match(/\[\s*@/g)?.length ?? 0;
  if (citations > limits.maxCitations) return { what: 'number of citations', actual: citations, limit: limits.maxCitations, line: 1 };
  const images = countOf(text, '![');
  if (images > limits.maxImages) return { what: 'number of images', actual: images, limit: limits.maxImages, line: 1 };
  const lines = text.split('\n');
  const bodyStart = frontMatterEnd(lines);
  return (bodyStart > 0 ? yamlDepth(lines, bodyStart, limits) : null) ?? scanBody(lines, bodyStart, limits);
}
