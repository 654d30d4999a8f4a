/**
 * The build cache finds the images a brief inlines without parsing it (src/cache/link-destinations.ts):
 * every destination the parser finds is among those it finds, and a text too costly to scan is
 * given up on (the brief then counts as changed on every build) instead of stalling the build.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { linkDestinations } from '../src/cache/link-destinations.js';
import { buildBriefs } from '../src/index.js';
import { parseTree } from '../src/source/processor.js';
import { visit } from '../src/source/visit-tree.js';
import { makeProject, minimalBrief } from './helpers/project.js';

/** What the parser takes for image and definition destinations. */
function parsedDestinations(text: string): string[] {
  const found = new Set<string>();
  visit(parseTree(new VFile({ value: text })) as Root, (node) => {
    if ((node.type === 'image' || node.type === 'definition' || node.type === 'link') && node.url !== '') found.add(node.url);
  });
  return [...found];
}

const piece = fc.constantFrom(
  '![a](map.png)',
  '![a [b] c](m(1).png "t")',
  '![a\nb](<my map.png>)',
  '![x](m&#97;p.png)',
  '![x](m&amp;p.png)',
  '![x](map\\_x.png)',
  '![x](\\&amp;.png)',
  '[ref]: <a b.png>',
  '[ref]:\n  ref.png',
  '![y][ref]',
  '[link](doc.md)',
  ':::judgment{likelihood=likely}\n![m](j.png)\n:::',
  '::event[![e](e.png)]{date=2025-01}',
  '`![code](c.png)`',
  '(',
  ')',
  '[',
  ']',
  '\\',
  '<',
  '>',
  ' ',
  '\n',
  '\n\n',
  '&',
  ';',
  'x',
  '# ',
  '> ',
  '- ',
  '|a|b|\n|-|-|\n',
);
const document = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(''));

describe('link destinations found without a parser', () => {
  it('include every destination the parser finds', () => {
    fc.assert(
      fc.property(document, (text) => {
        const scanned = new Set(linkDestinations(text));
        for (const destination of parsedDestinations(text)) expect(scanned, `${JSON.stringify(text)}: ${destination}`).toContain(destination);
      }),
      { numRuns: 1500 },
    );
  });

  it('give up on a text that would cost more than linear work, quickly', () => {
    expect(linkDestinations(`${'](a'.repeat(300_000)}`)).toBeNull();
    expect(linkDestinations('![a](b.png) '.repeat(20_000))).toEqual(['b.png']);
  });

  it('rebuild a brief given up on at every build, and leave the other briefs cached', async () => {
    // Few markers (under the parse limits), but every `](` would read on to the end of one long word.
    const hostile = minimalBrief.replace('## Timeline', `${`](${'a'.repeat(1000)}`.repeat(150)} [@alpha]\n\n## Timeline`);
    expect(linkDestinations(hostile)).toBeNull();
    const cwd = makeProject({ 'briefs/a.md': hostile.replace(/^id: .*$/m, 'id: hostile'), 'briefs/b.md': minimalBrief });
    const options = { cwd, formats: ['md'] as const, threads: 0 };
    await buildBriefs(options);
    const again = await buildBriefs(options);
    expect(again.written.map((file) => file.path.slice(cwd.length + 1))).toEqual(['out/hostile.md']);
    expect(again.unchanged).toEqual(['briefs/b.md']);
  });
});
