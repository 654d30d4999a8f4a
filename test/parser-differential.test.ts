/**
 * The differential test: satteri (the native parser) and micromark give the same tree, positions
 * included, for every fixture and for generated brief-shaped documents — or the text has a shape
 * where they are known to differ (src/source/native-safe.ts) and micromark parses it. Each listed
 * difference has an example below that shows satteri really differs there.
 * `DIFFERENTIAL_RUNS=5000 npx vitest run test/parser-differential.test.ts` for a long run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { briefProcessor, parseTree } from '../src/source/processor.js';
import { chosenParser, parseNative } from '../src/source/native-markdown.js';
import { normaliseText } from '../src/source/text.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const runs = Number(process.env.DIFFERENTIAL_RUNS ?? 300);
const satteri = createRequire(import.meta.url)('satteri') as { markdownToMdast(text: string, options: object): unknown };

/** JSON with node keys sorted (key order means nothing there) but attributes in their order. */
function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (key !== 'attributes') entries.sort(([left], [right]) => (left < right ? -1 : 1));
  return Object.fromEntries(entries.map(([name, item]) => [name, canonical(item, name)]));
}

const json = (tree: unknown) => JSON.stringify(canonical(tree), null, 1);
const micromarkTree = (text: string, frontMatter = true) => canonical(briefProcessor(frontMatter, true).parse(new VFile({ value: text })));
const satteriTree = (text: string) => canonical(satteri.markdownToMdast(text, { features: { gfm: true, directive: true, frontmatter: true, math: false } }));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

afterEach(() => {
  delete process.env.BRIEFSMITH_PARSER;
});

describe('satteri against micromark', () => {
  const files = [...markdownFiles(join(root, 'briefs')), ...markdownFiles(fixturesDir)];

  it.each(files.map((path) => [path.slice(root.length + 1), path]))('%s: same tree, or parsed by micromark', (_name, path) => {
    const text = normaliseText(readFileSync(path, 'utf8'));
    const native = parseNative(text, true);
    if (native) expect(json(native)).toBe(json(micromarkTree(text)));
    else expect(chosenParser(text)).toBe('micromark');
  });

  it('parses the sample brief natively, with the same model-facing tree and messages as micromark', () => {
    const text = normaliseText(readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8'));
    expect(chosenParser(text)).toBe('satteri');
    const nativeFile = new VFile({ value: text });
    const native = canonical(parseTree(nativeFile));
    process.env.BRIEFSMITH_PARSER = 'micromark';
    expect(chosenParser(text)).toBe('micromark');
    const micromarkFile = new VFile({ value: text });
    expect(native).toEqual(canonical(parseTree(micromarkFile)));
    expect(nativeFile.messages.map(String)).toEqual(micromarkFile.messages.map(String));
  });

  it(`gives the same tree for ${runs} generated documents, or leaves them to micromark`, () => {
    let compared = 0;
    fc.assert(
      fc.property(markdownDocument, (document) => {
        const text = normaliseText(document);
        const native = parseNative(text, true);
        if (!native) {
          expect(chosenParser(text)).toBe('micromark');
          return;
        }
        compared++;
        expect(json(native)).toBe(json(micromarkTree(text)));
      }),
      { numRuns: runs },
    );
    // Not vacuous: a fair share of the documents is parsed natively.
    expect(compared).toBeGreaterThan(runs / 10);
  });

  it('gives the same tree for Markdown fields (no front matter)', () => {
    fc.assert(
      fc.property(markdownDocument, (document) => {
        const text = normaliseText(document).replace(/^---\ntitle: x\n---\n/, '');
        const native = parseNative(text, false);
        if (native) expect(json(native)).toBe(json(micromarkTree(text, false)));
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
});

describe('where satteri differs (each one is left to micromark)', () => {
  const differences: Array<[string, string]> = [
    ['a text directive label over a line break', 'Said :q[the port\ndeal]{source=a} today.\n'],
    ['a label ending in a space', '::judgment[likely ]{likelihood=likely}\n'],
    ['a tab in a label', '::judgment[likely\t]{likelihood=likely}\n'],
    ['a footnote definition inside a container', 'See[^1].\n\n:::file\n[^1]: note\n:::\n'],
    ['a reference definition inside a container', ':::file\n[ref]: https://example.org\n:::\n'],
    ['an unclosed container', 'x\n\n:::judgment\n'],
    ['a container in a list item', '- :::judgment\n\n::judgment[x]{a=b}\n'],
    ['indented code in a container', '::::judgment\n- a\n\n:::file\n    indented\n    code\n\n1. x\n:::\n::::\n'],
    [
      'an empty container before its parent closes',
      ':::judgment\n\n:::::judgment\n::::interest\n- n\n\n#### alpha\n\n:::interest\n\n:::\n::::\n:::::\n\n::::\n',
    ],
    ['a text directive before double-backtick code', ':::file\n`` a ` b `` x1\n[^1] n:th `` a ` b `` Moscow\n:::\n'],
    ['`#id` before a named attribute', ':::file{#x key=v}\n:::\n'],
    ['a brace inside a quoted attribute value', ':::reaction{actor="{{x}}" stance=cautious}\nSaid.\n:::\n'],
    ['TOML front matter', '+++\ntitle = "x"\n+++\n\nText.\n'],
    ['a literal link right after punctuation', 'Said "www.example.org" and [https://example.org too.\n'],
    ['a label with an escaped bracket, so a paragraph with a literal link', ':::judgment\n::judgment[www.x.org \\[@x] alpha]{likelihood=likely}\n:::\n'],
  ];

  it.each(differences)('%s', (_what, text) => {
    expect(chosenParser(text)).toBe('micromark');
    expect(parseNative(text, true)).toBeNull();
    expect(json(satteriTree(text))).not.toBe(json(micromarkTree(text)));
  });

  it('parses a table row right before a closing fence with an empty line put between, positions moved back', () => {
    const rows = '| a | b |\n|---|---|\n| 1 | 2 |\n';
    for (const text of [`:::file\n${rows}:::\n\nAfter.\n`, `---\ntitle: x\n---\n\n::::file\n:::judgment\n${rows}:::\n${rows}::::\n\nEnd.\n`]) {
      expect(json(satteriTree(text))).not.toBe(json(micromarkTree(text)));
      expect(chosenParser(text)).toBe('satteri');
      expect(json(parseNative(text, true))).toBe(json(micromarkTree(text)));
    }
  });

  it('reads NUL as U+FFFD, as micromark does, keeping positions', () => {
    const text = 'A NUL \u0000 here.\n';
    expect(canonical(satteri.markdownToMdast(text, {}))).not.toEqual(micromarkTree(text, false));
    expect(canonical(parseNative(text, false))).toEqual(micromarkTree(text, false));
  });

  it('falls back to micromark when asked to', () => {
    process.env.BRIEFSMITH_PARSER = 'micromark';
    expect(parseNative('Plain text.\n', false)).toBeNull();
  });
});
