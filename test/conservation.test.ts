/**
 * Conservation (fast-check): a small slip in a brief (the sample, the note, a trade dispute) — one of `: [ ] { } @` or a newline
 * deleted or doubled, or a whole line deleted or doubled — either makes `check` report an error,
 * or loses nothing: every sentence of the slipped brief's prose (its words, markup and white
 * space folded) is in the JSON model and in the Markdown output, and every `##` section it opens
 * is a section of the model and a heading of the output (so no block swallowed it). npm test makes 250 slips
 * (about 0.1 s each on a quiet machine); CONSERVATION_RUNS=5000 runs it longer by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseBrief, renderBrief, validateBrief } from '../src/index.js';
import { bodyStart } from '../src/source/front-matter.js';
import { root } from './helpers/fixtures.js';

const runs = Number(process.env.CONSERVATION_RUNS ?? 250);
const slipped = new Set([':', '[', ']', '{', '}', '@', '\n']);

/** Briefs to slip: the sample (every part), the note on the Russian bases, and a trade dispute (the legal parts). */
const bases = ['briefs/sharaa-moscow-2025-10.md', 'briefs/russian-bases-2025-10.md', 'test/fixtures/trade-dispute/input.md'].map((path) => {
  const text = readFileSync(join(root, path), 'utf8');
  return {
    path,
    text,
    slippable: [...text].flatMap((character, index) => (slipped.has(character) ? [index] : [])),
    lineStarts: [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)].filter((start) => start < text.length),
  };
});
const sample = bases[0]!.text;

/** One slip: [brief, kind, where]. */
const slip = fc
  .nat({ max: bases.length - 1 })
  .chain((brief) =>
    fc
      .oneof(
        fc.tuple(fc.constantFrom('delete-character', 'double-character'), fc.nat({ max: bases[brief]!.slippable.length - 1 })),
        fc.tuple(fc.constantFrom('delete-line', 'double-line'), fc.nat({ max: bases[brief]!.lineStarts.length - 1 })),
      )
      .map(([kind, where]) => [brief, kind, where] as const),
  );

function apply([brief, kind, where]: readonly [number, string, number]): string {
  const { text, slippable, lineStarts } = bases[brief]!;
  if (kind.endsWith('character')) {
    const at = slippable[where]!;
    return kind === 'delete-character' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at + 1) + text.slice(at);
  }
  const start = lineStarts[where]!;
  const end = text.indexOf('\n', start) + 1 || text.length;
  return kind === 'delete-line' ? text.slice(0, start) + text.slice(end) : text.slice(0, end) + text.slice(start, end) + text.slice(end);
}

/** Words only: letters and digits, lowercased, one space between. */
const fold = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** The sentences of the body's prose, without the markup that is not text (fences, attributes, citations, link targets). */
const withoutMarkup = (text: string) =>
  text
    .replace(/^[ \t>]*:{3,}.*$/gm, '\n')
    .replace(/\{[^{}\n]*\}/g, ' ')
    .replace(/:{1,2}[A-Za-z][\w-]*\[/g, ' ')
    .replace(/\[@[^\]\n]*\]/g, ' ')
    .replace(/\]\([^)\s]*\)/g, ' ')
    // The Markdown output numbers citations (`\[4; 2]`) and may put one after a quote.
    .replace(/\\?\[\d+(?:;\s*\d+)*\]/g, ' ');

function proseSentences(text: string): string[] {
  // A heading is a sentence of its own, even without a blank line after it.
  const prose = withoutMarkup(text.slice(bodyStart(text))).replace(/^(#{1,6}[ \t].*)$/gm, '\n$1\n');
  return prose
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map(fold)
    .filter((sentence) => sentence.trim() !== '');
}

/** String values of the model, deep. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

/** Why `text` is wrongly accepted, or null when it has an error or keeps every sentence. */
async function conservationFailure(text: string): Promise<string | null> {
  const { brief, file } = validateBrief(parseBrief(text, { path: 'slipped.md' }));
  if (!brief || file.messages.some((message) => message.fatal)) return null;
  const json = JSON.parse(await renderBrief(brief, 'json')) as { sections?: Array<{ title?: string }> };
  const output = await renderBrief(brief, 'md');
  const model = fold(withoutMarkup(strings(json).join('\n')));
  const markdown = fold(withoutMarkup(output));
  // Structure too: each section the writer opened is a section of the model and a heading of the output.
  const titles = new Set((json.sections ?? []).map((section) => fold(section.title ?? '')));
  const headings = new Set([...output.matchAll(/^#{1,6}[ \t]+(.*)$/gm)].map((match) => fold(withoutMarkup(match[1]!))));
  for (const match of text.slice(bodyStart(text)).matchAll(/^##[ \t]+(.*)$/gm)) {
    const heading = fold(withoutMarkup(match[1]!));
    if (!titles.has(heading)) return `not a section of the JSON model:${heading}`;
    if (!headings.has(heading)) return `not a heading of the Markdown output:${heading}`;
  }
  for (const sentence of proseSentences(text)) {
    if (!model.includes(sentence)) return `not in the JSON model:${sentence}`;
    if (!markdown.includes(sentence)) return `not in the Markdown output:${sentence}`;
  }
  return null;
}

it('keeps every sentence of the unslipped briefs (the property is not vacuous)', async () => {
  expect(proseSentences(sample).length).toBeGreaterThan(100);
  for (const base of bases) expect(await conservationFailure(base.text), base.path).toBeNull();
  // A sentence dropped from the output is noticed (raw HTML is dropped, with only a warning): the test can fail.
  expect(await conservationFailure(`${sample}\n<div>A sentence no reader sees.</div>\n`)).toMatch(/^not in the Markdown output: .* a sentence no reader sees /);
});

it(
  'either reports an error or loses no sentence, for any small slip',
  async () => {
    await fc.assert(
      fc.asyncProperty(slip, async (change) => {
        const failure = await conservationFailure(apply(change));
        expect(failure, `${change[1]} at ${change[2]} of ${bases[change[0]]!.path}`).toBeNull();
      }),
      { numRuns: runs },
    );
  },
  Math.max(600_000, runs * 2_000),
);
