/** A long watch recompiles on every template edit; the compiled sets it keeps must stay bounded. */
import { mkdtempSync, utimesSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { builtinTemplatesDir } from '../src/render/template-files.js';
import { compiledSetCount, loadTemplates, maxCompiledSets } from '../src/render/templates.js';

it('keeps at most maxCompiledSets compiled template sets however often a template changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bs-templates-'));
  cpSync(join(builtinTemplatesDir, 'brief.md.hbs'), join(dir, 'brief.md.hbs'));
  for (let edit = 0; edit < maxCompiledSets * 3; edit++) {
    writeFileSync(join(dir, 'brief.md.hbs'), `edit ${edit}\n`);
    utimesSync(join(dir, 'brief.md.hbs'), 1_700_000_000 + edit, 1_700_000_000 + edit);
    expect(loadTemplates([dir, builtinTemplatesDir], 'md').render({})).toBe(`edit ${edit}\n`);
  }
  expect(compiledSetCount()).toBeLessThanOrEqual(maxCompiledSets);
});
