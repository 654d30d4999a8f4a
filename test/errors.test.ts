/**
 * Error fixtures: test/fixtures/errors/<case>/input.md → expected.txt, one line per problem as
 * `line:column severity rule-id message` and the hint under it (`help: …`). Each rule has at least
 * one case with exact positions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, catalogue, problemsOf } from '../src/index.js';
import { casesIn, expectGolden, fixturesDir } from './helpers/fixtures.js';

const errorsDir = join(fixturesDir, 'errors');
const cases = casesIn(errorsDir);

describe.each(cases)('error fixture %s', (name) => {
  it('reports exactly the expected problems', () => {
    const dir = join(errorsDir, name);
    const parsed = parseBrief(readFileSync(join(dir, 'input.md'), 'utf8'), { path: 'input.md' });
    const { file } = validateBrief(parsed);
    const lines = problemsOf([file]).map(
      (problem) =>
        `${problem.line}:${problem.column} ${problem.severity} ${problem.ruleId} ${problem.message}${problem.hint ? `\n    help: ${problem.hint}` : ''}`,
    );
    expectGolden(`${lines.join('\n')}\n`, join(dir, 'expected.txt'));
  });
});

describe('error catalogue coverage', () => {
  it('has a fixture that triggers every content rule', () => {
    const triggered = new Set(
      cases.flatMap((name) =>
        readFileSync(join(errorsDir, name, 'expected.txt'), 'utf8')
          .split('\n')
          .map((line) => line.split(' ')[2])
          .filter(Boolean),
      ),
    );
    // Rules raised outside a single brief's text are tested elsewhere.
    const elsewhere = new Set(['template-error', 'quote-not-found', 'quote-source-missing', 'limit-exceeded', 'resource-limit', 'build-record-ignored']);
    // Template lint rules have their own fixtures in test/template-lint.test.ts.
    for (const rule of Object.keys(catalogue)) if (rule.startsWith('template-')) elsewhere.add(rule);
    const missing = Object.keys(catalogue).filter((rule) => !triggered.has(rule) && !elsewhere.has(rule));
    expect(missing).toEqual([]);
  });
});
