/**
 * The front matter's YAML, read safely: every syntax slip at its cause (yaml-problems.ts), then
 * what is unsafe to read (custom tags, `__proto__` keys, alias bombs), and what parses but does
 * not say what the writer meant (yaml-misread.ts). Any of these leaves the front matter unread,
 * so no check reasons with a guess.
 */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { type Document, isScalar, parseDocument, visit } from 'yaml';
import { report } from '../errors/report.js';
import type { YamlProblem } from './yaml-lines.js';
import { misreadings } from './yaml-misread.js';
import { originalOffset, yamlOptions, yamlProblems } from './yaml-problems.js';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** The YAML 1.2 core schema's tags; anything else (`!!js/function`, `!custom`) is refused. */
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((tag) => `tag:yaml.org,2002:${tag}`));
/** Aliases beyond this are refused: "billion laughs" documents expand exponentially. */
export const maxYamlAliases = 100;

export interface ReadYaml {
  document: Document.Parsed;
  data: unknown;
}

/** Parses `text` (the YAML between the fences); null after reporting why it cannot be read. `at` maps a YAML offset to the file. */
export function readYaml(text: string, file: VFile, at: (offset: number | undefined) => Point | undefined): ReadYaml | null {
  const syntax = (problem: YamlProblem) =>
    report(file, 'yaml-syntax', at(problem.offset), { found: problem.found, expected: problem.expected, hint: problem.hint });
  const document = parseDocument(text, yamlOptions);
  if (document.errors.length > 0) {
    const { problems, mended } = yamlProblems(text);
    // Once its slips are mended the rest may still be misread: that too, at its place in the writer's text.
    const again = mended === undefined ? undefined : parseDocument(mended, yamlOptions);
    const misread =
      mended !== undefined && again?.errors.length === 0
        ? misreadings(again, mended).map((problem) => ({ ...problem, offset: originalOffset(text, mended, problem.offset) }))
        : [];
    for (const problem of [...problems, ...misread].sort((left, right) => left.offset - right.offset)) syntax(problem);
    return null;
  }
  let unreadable = false;
  visit(document, {
    Node(_, node) {
      if (!node.tag || coreTags.has(node.tag)) return;
      unreadable = true;
      report(file, 'yaml-unsafe', at(node.range?.[0] ?? 0), { what: `tag \`${node.tag}\`` });
    },
    Pair(_, pair) {
      if (!isScalar(pair.key) || !forbiddenKeys.has(String(pair.key.value))) return;
      unreadable = true;
      report(file, 'yaml-unsafe', at(pair.key.range?.[0] ?? 0), { what: `key \`${String(pair.key.value)}\`` });
    },
  });
  const misread = misreadings(document, text);
  for (const problem of misread) syntax(problem);
  if (unreadable || misread.length > 0) return null;
  try {
    return { document, data: document.toJS({ maxAliasCount: maxYamlAliases }) };
  } catch (error) {
    // Point at the first alias: an alias bomb is refused before it expands.
    let firstAlias: number | undefined;
    visit(document, {
      Alias(_, alias) {
        firstAlias ??= alias.range?.[0];
      },
    });
    report(file, 'yaml-unsafe', at(firstAlias), { what: `front matter (${(error as Error).message})` });
    return null;
  }
}
