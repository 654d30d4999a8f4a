/** docs/rules.md is generated from the error catalogue; this fails when it is stale. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { catalogue } from '../src/index.js';
import { expectGolden, root } from './helpers/fixtures.js';
import { rulesMarkdown } from './helpers/rules-doc.js';

it('docs/rules.md matches the catalogue (UPDATE=1 npx vitest run test/rules-doc.test.ts rewrites it)', () => {
  const markdown = rulesMarkdown();
  for (const id of Object.keys(catalogue)) expect(markdown).toContain(`\n## ${id}\n`);
  expectGolden(markdown, join(root, 'docs', 'rules.md'));
});
