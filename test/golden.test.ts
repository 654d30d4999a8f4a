/** Golden fixtures: test/fixtures/<case>/input.md → expected.json, expected.md, expected.html. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, renderBrief, hasErrors } from '../src/index.js';
import { casesIn, expectGolden, fixturesDir } from './helpers/fixtures.js';

// The embedded fonts and print CSS are checked elsewhere; goldens pin the markup.
const withoutStyle = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '<style>/* print.css + fonts */</style>');

describe.each(casesIn(fixturesDir))('golden fixture %s', (name) => {
  const dir = join(fixturesDir, name);
  const parsed = parseBrief(readFileSync(join(dir, 'input.md'), 'utf8'), { path: 'input.md' });
  const { brief, file } = validateBrief(parsed);

  it('is valid', () => {
    expect(file.messages.map(String)).toEqual([]);
    expect(hasErrors(file)).toBe(false);
    expect(brief).not.toBeNull();
  });

  for (const format of ['json', 'md', 'html'] as const) {
    it(`renders ${format}`, async () => {
      const output = await renderBrief(brief!, format, { generator: 'briefsmith test' });
      expectGolden(format === 'html' ? withoutStyle(output) : output, join(dir, `expected.${format}`));
    });
  }
});
