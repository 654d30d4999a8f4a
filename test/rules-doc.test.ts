/** docs/rules.md is generated from the error catalogue; this fails when it is stale. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { catalogue, type RuleEntry } from '../src/index.js';
import { lockedRules } from '../src/errors/report.js';
import { expectGolden, root } from './helpers/fixtures.js';
import { rulesMarkdown } from '../src/reference/rules-reference.js';

it('docs/rules.md matches the catalogue (`npm run docs:rules` rewrites it; so does UPDATE=1 here)', () => {
  const markdown = rulesMarkdown();
  for (const id of Object.keys(catalogue)) expect(markdown).toContain(`\n## ${id}\n`);
  expectGolden(markdown, join(root, 'docs', 'rules.md'));
});

it("types each rule's details: a missing, misspelt or undeclared detail does not compile", () => {
  // test/fixtures/types/report-details.ts marks each wrong call with @ts-expect-error; tsc fails
  // on a mark that is not an error as on an error that is not marked.
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'test', 'fixtures', 'types', 'tsconfig.json')],
    { encoding: 'utf8' },
  );
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);

it('declares, for every rule, the details its message reads and whether a brief may silence it', () => {
  for (const [id, rule] of Object.entries(catalogue) as unknown as Array<[string, RuleEntry]>) {
    const read = new Set<string>();
    const probe = new Proxy(
      {},
      {
        get: (_target, name) => {
          read.add(String(name));
          return 'x';
        },
      },
    );
    rule.message(probe);
    if (typeof rule.hint === 'function') rule.hint(probe);
    expect([...read].sort(), id).toEqual(rule.details.map((name) => name.replace(/\?$/, '')).sort());
    expect(typeof rule.silenceable, id).toBe('boolean');
  }
  expect(lockedRules.has('missing-field')).toBe(true);
  expect(lockedRules.has('uncited-paragraph')).toBe(false);
});
