/**
 * A print page keeps one document and swaps each brief into it (fonts stay loaded). Nothing of
 * one brief may reach the next: a brief printed after another, on the same page, gives the same
 * file as that brief printed alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs } from '../src/index.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1767225600' };

/**
 * The built-in template, plus two things a brief with a subtitle has and one without must not
 * inherit: an attribute on <html> and a style in <head>.
 */
function leakyTemplate(): string {
  return readFileSync(join(root, 'defaults', 'templates', 'brief.html.hbs'), 'utf8')
    .replace('<html lang="{{meta.lang}}">', '<html lang="{{meta.lang}}"{{#if meta.subtitle}} data-subtitled="yes"{{/if}}>')
    .replace(
      '</head>',
      '<style>html[data-subtitled] h1 { color: #c00; }</style>\n{{#if meta.subtitle}}<style>h1::after { content: " (subtitled)"; }</style>{{/if}}\n</head>',
    );
}

async function build(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bs-reuse-'));
  mkdirSync(join(dir, 'briefs'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates', 'brief.html.hbs'), leakyTemplate());
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'briefs', name), text);
  // One page: every brief is printed on the same page, in path order.
  const result = await buildBriefs({ cwd: dir, formats: ['pdf'], concurrency: 1, threads: 0, env });
  expect(result.failures).toEqual([]);
  return join(dir, 'out');
}

describe('print page reuse', () => {
  it('prints a brief after another on the same page exactly as it prints alone', async () => {
    // The first brief has Arabic (another font set, an rtl span) and Letter paper; the second neither.
    const full = readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8').replace(/^date:/m, 'paper: letter\ndate:');
    const minimal = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8');
    const after = await build({ 'a-full.md': full, 'b-minimal.md': minimal });
    const alone = await build({ 'b-minimal.md': minimal });
    expect(readFileSync(join(after, 'minimal-brief.pdf')).equals(readFileSync(join(alone, 'minimal-brief.pdf')))).toBe(true);
    // And the other way round: the Arabic brief after the plain one still gets its fonts.
    const reversed = await build({ 'a-minimal.md': minimal, 'b-full.md': full });
    const fullAlone = await build({ 'b-full.md': full });
    expect(readFileSync(join(reversed, 'full-brief.pdf')).equals(readFileSync(join(fullAlone, 'full-brief.pdf')))).toBe(true);
  });
});
