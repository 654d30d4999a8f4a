/**
 * Every YAML problem of a front matter, each at its cause. One slip breaks the grammar of every
 * line after it (after a tab, each later field "must start at the same column"), so the library's
 * list is mostly cascade. Instead: describe the first error, mend its line, parse again, and
 * repeat; what is left after a mend is a slip of its own. Mends keep the number of lines, so
 * each problem maps back to its line in the writer's text.
 */
import { parseDocument, type YAMLError } from 'yaml';
import { diagnoseYamlError, type YamlProblem } from './yaml-errors.js';

/** Enough for every slip a writer makes at once; each round parses the front matter again. */
const maxRounds = 20;

export const yamlOptions = { uniqueKeys: true, schema: 'core', prettyErrors: false } as const;

const lineStarts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];

/** The offset in `original` of `offset` in `mended`: same line, same column (kept inside the line). */
export function originalOffset(original: string, mended: string, offset: number): number {
  const mendedStarts = lineStarts(mended);
  const originalStarts = lineStarts(original);
  if (mendedStarts.length !== originalStarts.length) return Math.min(offset, original.length);
  const line = mendedStarts.findLastIndex((start) => start <= offset);
  const start = originalStarts[line]!;
  const end = originalStarts[line + 1] === undefined ? original.length : originalStarts[line + 1]! - 1;
  return Math.min(start + (offset - mendedStarts[line]!), end);
}

const sorted = (problems: YamlProblem[]) => problems.sort((left, right) => left.offset - right.offset);
const earliest = (errors: readonly YAMLError[]) =>
  errors.reduce<YAMLError | undefined>((best, error) => (!best || error.pos[0] < best.pos[0] ? error : best), undefined);

export interface YamlSyntax {
  /** In order of place; none when the text parses. */
  problems: YamlProblem[];
  /** The text with every problem mended, when each could be (it then parses). */
  mended: string | undefined;
}

/** The syntax problems of `text`. */
export function yamlProblems(text: string): YamlSyntax {
  const problems: YamlProblem[] = [];
  const seen = new Set<number>();
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const error = earliest(parseDocument(current, yamlOptions).errors);
    if (!error) return { problems: sorted(problems), mended: current };
    const { problem, mended } = diagnoseYamlError(error, current);
    const offset = originalOffset(text, current, problem.offset);
    // A mend that did not take would find the same place again.
    if (seen.has(offset)) break;
    seen.add(offset);
    problems.push({ ...problem, offset });
    if (mended === undefined || mended === current) break;
    current = mended;
  }
  return { problems: sorted(problems), mended: undefined };
}
