/**
 * Size limits: huge, deeply nested or marker-dense briefs are refused before parsing with a
 * `limit-exceeded` error naming the limit; briefs just under the limits still parse. (Speed is
 * measured by hand, see docs/security.md; tests assert outcomes, never time.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { briefText, check } from './brief.js';

const limitProblems = (text: string, limits = {}) => check(text, { limits }).problems.filter((problem) => problem.ruleId === 'limit-exceeded');

function expectRefused(body: string, what: RegExp, line?: number) {
  const { problems, brief, parsed } = check(briefText({ body }));
  const limits = problems.filter((problem) => problem.ruleId === 'limit-exceeded');
  expect(limits).toHaveLength(1);
  expect(limits[0]!.severity).toBe('error');
  expect(limits[0]!.message).toMatch(what);
  if (line !== undefined) expect(limits[0]!.line).toBe(line);
  expect(brief).toBeNull();
  // Refused before parsing: nothing was built from the text.
  expect(parsed.tree.children).toEqual([]);
}

const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- x`).join('\n');
const nestedDirectives = (levels: number) =>
  [
    ...Array.from({ length: levels }, (_, level) => `${':'.repeat(levels + 3 - level)}disagreement`),
    'Text. [@alpha]',
    ...Array.from({ length: levels }, (_, level) => ':'.repeat(4 + level)),
  ].join('\n');

describe('limits', () => {
  it('documents its defaults', () => {
    expect(defaultLimits).toEqual({
      maxCharacters: 500_000,
      maxDepth: 100,
      maxCitations: 20_000,
      maxInlineMarkers: 200,
      maxTableCells: 20_000,
      maxFootnotes: 1_000,
      maxImages: 200,
      maxInlinedBytes: 16 * 1024 * 1024,
    });
  });

  it('refuses a 5 MB brief with a size error', () => {
    const body = 'An ordinary paragraph of prose about the talks. [@alpha]\n\n'.repeat(90_000);
    expectRefused(body, /^Unexpected brief size in characters \([\d,]+\), expected at most 500,000$/, 1);
  });

  it('refuses 100,000 citations (within the size limit)', () => {
    expectRefused(Array.from({ length: 100_000 }, () => '[@a]').join(''), /^Unexpected number of citations \(100,00\d\), expected at most 20,000$/);
  });

  it.each([
    ['indented list items', nestedList(10_000).slice(0, 450_000)],
    ['list markers on one line', `${'- '.repeat(10_000)}x`],
    ['ordered markers', `${'1. '.repeat(10_000)}x`],
    ['quote markers without spaces', `${'>'.repeat(10_000)} x`],
    ['quote markers with spaces', `${'> '.repeat(10_000)}x`],
    ['mixed quote and list markers', `${'> - 1. '.repeat(3_400)}x`],
    ['tab indentation', Array.from({ length: 300 }, (_, level) => `${'\t'.repeat(level)}- x`).join('\n')],
    ['container directives', nestedDirectives(200)],
  ])('refuses 10,000-level nesting written as %s', (_, body) => {
    expectRefused(body, /^Unexpected nesting depth of lists, quotes and directives \([\d,]+\), expected at most 100$/);
  });

  it.each([
    ['nested emphasis', `${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`],
    ['unmatched emphasis', '*a_ '.repeat(10_000)],
    ['nested brackets', `${'['.repeat(10_000)}a${']'.repeat(10_000)}`],
    ['unclosed links', '[a](<b'.repeat(10_000)],
    ['code span runs', Array.from({ length: 600 }, (_, index) => `e${'`'.repeat(index)}`).join('')],
    ['markers spread over lines of one paragraph', '*a_\n'.repeat(1_000)],
    ['markers spread over quote lines', '> *a_\n'.repeat(1_000)],
  ])('refuses a paragraph dense with %s (slow to parse)', (_, body) => {
    expectRefused(body, /^Unexpected number of emphasis, link and code markers in one paragraph \([\d,]+\), expected at most 200$/, 22);
  });

  it('parses briefs just under every limit', () => {
    const under = [
      nestedList(98),
      `${'> '.repeat(98)}quoted. [@alpha]`,
      nestedDirectives(30),
      `${'*a* '.repeat(95)}[@alpha]`,
      Array.from({ length: 1_000 }, () => '- item with *emphasis* and a [link](https://example.org). [@alpha]').join('\n'),
    ].join('\n\n');
    const { problems, parsed } = check(briefText({ body: under }));
    expect(problems.filter((problem) => problem.ruleId === 'limit-exceeded')).toEqual([]);
    expect(parsed.tree.children.length).toBeGreaterThan(5);
  });

  it('takes limits from the options, and each applies exactly at its value', () => {
    const text = briefText();
    expect(limitProblems(text, { maxCharacters: text.length })).toEqual([]);
    expect(limitProblems(text, { maxCharacters: text.length - 1 })).toHaveLength(1);
    expect(limitProblems(text, { maxCitations: 3 })).toEqual([]);
    expect(limitProblems(text, { maxCitations: 2 })[0]?.message).toMatch(/citations \(3\)/);
    expect(limitProblems(briefText({ body: nestedList(5) }), { maxDepth: 4 })[0]?.message).toMatch(/nesting depth .* \(5\)/);
    expect(limitProblems(briefText({ body: '*a* _b_ [@alpha]' }), { maxInlineMarkers: 5 })[0]?.message).toMatch(/markers in one paragraph \(6\)/);
    expect(limitProblems(text, { maxCharacters: undefined as unknown as number })).toEqual([]);
  });

  it('takes limits from the command line, and refuses a bad limit value as a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-limits-'));
    const path = join(dir, 'brief.md');
    writeFileSync(path, briefText({ body: nestedList(20) }));
    expect(runCli(['check', path]).status).toBe(0);
    const refused = runCli(['check', path, '--max-depth', '10']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(
      /brief\.md:\d+:1 +error +Unexpected nesting depth of lists, quotes and directives \(11\), expected at most 10 +limit-exceeded/,
    );
    expect(runCli(['check', path, '--max-size', '100']).stdout).toMatch(/brief size in characters .* expected at most 100 /);
    const built = runCli(['build', path, '--out', join(dir, 'out'), '--format', 'md', '--max-citations', '1']);
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(/number of citations \(2\), expected at most 1/);
    const bad = runCli(['check', path, '--max-size', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-size expects a whole number/);
  });
});
