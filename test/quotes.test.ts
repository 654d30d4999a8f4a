/**
 * Quote verification (`:q[…]{source=key}` against the source texts in --sources-dir), on small
 * made-up texts in test/fixtures/quotes/. The real sample is checked only when ../shared/sources
 * exists next to the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, problemsOf } from '../src/index.js';
import { sourcesDirReader } from '../src/validate/sources-reader.js';
import { foldQuoteText, nearestPassage } from '../src/validate/quotes.js';
import { fixturesDir, root } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const quotesDir = join(fixturesDir, 'quotes');
const sourcesDir = join(quotesDir, 'sources');

function check(name: string) {
  const parsed = parseBrief(readFileSync(join(quotesDir, name), 'utf8'), { path: name });
  const result = validateBrief(parsed, { readSource: sourcesDirReader(sourcesDir, parsed.draft) });
  const lines = problemsOf([result.file]).map((problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.ruleId} ${problem.message}`);
  return { lines, verified: result.quotesVerified };
}

describe('quote verification', () => {
  it('passes exact quotes, curly or straight quotes and any white space', () => {
    expect(check('pass.md')).toEqual({ lines: [], verified: 6 });
  });

  it('fails a changed word at the quote, showing the nearest passage', () => {
    expect(check('changed-word.md')).toEqual({
      verified: 1,
      lines: [
        '14:11 error quote-not-found Unexpected quote `the port agreement remains under discussion`, expected the exact words of source `alpha`; nearest: `the port agreement remains under review`',
        '16:33 error quote-not-found Unexpected quote `an entirely invented sentence about grain`, expected the exact words of source `alpha`',
      ],
    });
  });

  it('reports a missing file, a file outside the sources dir and a source without a file, once each', () => {
    expect(check('missing-source.md')).toEqual({
      verified: 0,
      lines: [
        `8:3 warning quote-source-missing Unexpected source \`gone\` without readable text (cannot read \`no-such-file.txt\` in ${sourcesDir}), expected a \`file\` in the sources dir`,
        '9:3 warning quote-source-missing Unexpected source `escape` without readable text (`../outside.txt` is outside the sources dir), expected a `file` in the sources dir',
        '10:3 warning quote-source-missing Unexpected source `unfiled` without readable text (no `file` given), expected a `file` in the sources dir',
      ],
    });
  });

  it('skips the check without a reader', () => {
    const parsed = parseBrief(readFileSync(join(quotesDir, 'changed-word.md'), 'utf8'), { path: 'changed-word.md' });
    const { file, quotesVerified } = validateBrief(parsed);
    expect(quotesVerified).toBe(0);
    expect(problemsOf([file])).toEqual([]);
  });

  it('folds typography, and finds the nearest passage on word boundaries', () => {
    expect(foldQuoteText('“a\n  b”  ‘c’')).toBe('"a b" \'c\'');
    expect(nearestPassage('under discussion and', 'remains under review, and that')).toEqual({ text: 'under review, and', distance: 10 });
  });
});

describe('briefsmith check and --sources-dir', () => {
  it('prints a note and skips verification without --sources-dir', () => {
    const result = runCli(['check', join(quotesDir, 'changed-word.md')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Quotes: 3 not verified (pass --sources-dir to check them against the sources)');
  });

  it('verifies quotes with --sources-dir and exits 1 on a quote not found', () => {
    const passing = runCli(['check', 'test/fixtures/quotes/pass.md', '--sources-dir', 'test/fixtures/quotes/sources']);
    expect(passing.stdout).toContain('Quotes: 6 of 6 verified against test/fixtures/quotes/sources');
    expect(passing.status).toBe(0);
    const failing = runCli(['check', 'test/fixtures/quotes/changed-word.md', '--sources-dir', 'test/fixtures/quotes/sources']);
    expect(failing.stdout).toMatch(/changed-word\.md:14:11 +error +Unexpected quote/);
    expect(failing.status).toBe(1);
  });
});

// The five articles live outside the repository and are never copied into it.
const sharedSources = join(root, '..', 'shared', 'sources');

describe('the sample brief against the real articles', () => {
  it.skipIf(!existsSync(sharedSources))('verifies every quote in briefs/', () => {
    const result = runCli(['check', 'briefs', '--sources-dir', sharedSources]);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings/m);
    const [, verified, total] = /Quotes: (\d+) of (\d+) verified/.exec(result.stdout) ?? [];
    expect(Number(total)).toBeGreaterThan(0);
    expect(verified).toBe(total);
    expect(result.status).toBe(0);
  });
});
