/**
 * Briefs without anything GFM would autolink are parsed without the autolink-literal extension
 * (a third of the parse time). That must never change the tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { briefProcessor, parseTree } from '../src/source/processor.js';
import { mayHaveAutolinkLiterals } from '../src/source/gfm-without-autolinks.js';

const withoutPositions = (value: unknown) => JSON.stringify(value, (key, item: unknown) => (key === 'position' ? undefined : item));

function parseWith(text: string, autolinks: boolean): string {
  const processor = briefProcessor(false, autolinks);
  return withoutPositions(processor.runSync(processor.parse(new VFile({ value: text })), new VFile({ value: text })));
}

describe('parsing without autolink literals', () => {
  it('is chosen only for text with no www., http(s):// or e-mail shape', () => {
    expect(mayHaveAutolinkLiterals('See [@alpha] and [@beta, p. 3].')).toBe(false);
    expect(mayHaveAutolinkLiterals('Write to press@example.org.')).toBe(true);
    expect(mayHaveAutolinkLiterals('At WWW.example.org')).toBe(true);
    expect(mayHaveAutolinkLiterals('Read HTTPS://example.org/x')).toBe(true);
    expect(mayHaveAutolinkLiterals('a@b.c')).toBe(true);
    // GFM links an address whose domain starts with a dot too (a counterexample fast-check found).
    expect(mayHaveAutolinkLiterals('a@.a')).toBe(true);
  });

  it('ignores URLs in the front matter but not in the body', () => {
    const front = '---\nid: x\nsources:\n  a:\n    url: https://example.org/a\n---\n';
    const linked = parseTree(new VFile({ value: `${front}\nSee www.example.org today.\n` }));
    expect(withoutPositions(linked)).toContain('"type":"link"');
    const plain = parseTree(new VFile({ value: `${front}\nSee the report. [@a]\n` }));
    expect(withoutPositions(plain)).not.toContain('"type":"link"');
  });

  it('gives the same tree as full GFM for any text it is chosen for', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      ' ',
      '\n',
      '\n\n',
      '@',
      '[@a]',
      '.',
      'w',
      'ww',
      'www',
      'h',
      'http',
      'https',
      ':',
      '/',
      '//',
      '*',
      '_',
      '~',
      '~~',
      '|',
      '-',
      '# ',
      '> ',
      '1. ',
      '- [ ] ',
      '[x]',
      '(',
      ')',
      '<',
      '>',
      'mailto:',
      'x+y',
      '[^1]',
      '[^1]: n',
      '`',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join('')),
        (text) => {
          if (mayHaveAutolinkLiterals(text)) return;
          expect(parseWith(text, false)).toBe(parseWith(text, true));
        },
      ),
      { numRuns: 400 },
    );
  });
});
