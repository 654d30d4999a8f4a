/** The limits on the YAML front matter: nesting (reported as YAML, not as Markdown markers) and markers per line. */
import { inlineMarkers, type LimitProblem, type ParseLimits } from './parse-limits.js';

/** The index of the line after the front matter's closing `---` (0 without front matter). */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  for (let index = 1; index < lines.length; index++) if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[index]!)) return index + 1;
  return 0;
}

/**
 * YAML nesting in the front matter, as an upper bound: open flow brackets (`[` `{`, outside
 * quotes) plus block indentation in pairs of spaces.
 */
export function yamlDepth(lines: readonly string[], end: number, limits: ParseLimits): LimitProblem | null {
  const maxDepth = limits.maxDepth;
  let open = 0;
  for (let index = 1; index < end - 1; index++) {
    const line = lines[index]!;
    // A Markdown field (`summary`) is one line of YAML: its markers count line by line.
    const markers = line.match(inlineMarkers)?.length ?? 0;
    const indent = /^ */.exec(line)![0].length;
    let quote = '';
    for (const character of line) {
      if (quote) {
        if (character === quote) quote = '';
      } else if (character === '"' || character === "'") quote = character;
      else if (character === '[' || character === '{') open++;
      else if ((character === ']' || character === '}') && open > 0) open--;
      const depth = open + Math.floor(indent / 2);
      if (depth > maxDepth) return { what: 'nesting depth of the YAML front matter', actual: depth, limit: maxDepth, line: index + 1 };
    }
    if (markers > limits.maxInlineMarkers)
      return { what: 'number of emphasis, link and code markers in one front matter line', actual: markers, limit: limits.maxInlineMarkers, line: index + 1 };
  }
  return null;
}
