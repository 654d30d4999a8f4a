/**
 * YAML that parses but does not say what the writer meant: `title: *Kestria*` (an alias of an
 * anchor that does not exist: the writer's emphasis) and `title: Licences #2` (a ` #` that starts a
 * comment and cuts the value short; a `#` right before text is rarely meant as one).
 */
import { type Document, isScalar, visit } from 'yaml';
import { diagnoseYamlAlias } from './yaml-errors.js';
import type { YamlProblem } from './yaml-lines.js';

export function misreadings(document: Document.Parsed, text: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(document, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isScalar(pair.key) || !isScalar(value) || value.type !== 'PLAIN' || !value.comment || /^\s/.test(value.comment) || !value.range) return;
      const hash = text.indexOf('#', value.range[1]);
      if (hash === -1 || text.slice(value.range[1], hash).includes('\n')) return;
      const key = String(pair.key.value);
      const whole = `${String(value.source ?? value.value)} #${value.comment}`;
      problems.push({
        offset: hash,
        found: `\`#${value.comment}\` after the value of \`${key}\`, which YAML reads as a comment and drops`,
        expected: `the whole value in quotes (\`${key}: ${JSON.stringify(whole)}\`)`,
        hint: 'In YAML a space then `#` starts a comment, to the end of the line: put a value that holds ` #` in double quotes.',
      });
    },
    Alias(_, alias) {
      if (!alias.resolve(document) && alias.range) problems.push(diagnoseYamlAlias(text, alias.range[0]));
    },
  });
  return problems.sort((left, right) => left.offset - right.offset);
}
