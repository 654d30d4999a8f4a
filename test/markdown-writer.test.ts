/**
 * The flattened to-markdown options with their cheaper text handler (render/markdown-writer.ts)
 * must write exactly what the plain options write: on generated brief-shaped documents, and on
 * generated trees whose text holds every character to-markdown escapes, in every construct.
 */
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Options, toMarkdown } from 'mdast-util-to-markdown';
import { expect, it } from 'vitest';
import { prepare } from '../src/render/rewrite-tree.js';
import { markdownWriter } from '../src/render/markdown-writer.js';
import { parseFragment } from '../src/source/processor.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';

const plainOptions: Options[] = [
  { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', rule: '-', fences: true },
  { extensions: [gfmToMarkdown()] },
  // Options' own handlers and settings win over their extensions', as to-markdown applies them.
  { extensions: [gfmToMarkdown(), { bullet: '+', handlers: { break: () => '\\\n' } }], bullet: '*', handlers: { break: () => '  \n' } },
];

const writers = plainOptions.map((options) => ({ options, write: markdownWriter(options) }));

function expectSameMarkdown(tree: Root): void {
  for (const { options, write } of writers) expect(write(tree)).toBe(toMarkdown(tree, options));
}

it('writes brief-shaped documents as the plain options do', () => {
  const numbers = new Map([
    ['alpha', 1],
    ['beta', 2],
    ['a', 3],
  ]);
  fc.assert(
    fc.property(markdownDocument, (document) => {
      expectSameMarkdown(prepare(parseFragment(document), numbers, 'md'));
    }),
    { numRuns: 400 },
  );
});

// Text as a tree can hold what a parse never gives: `*`, `[`, `#` at a line's start and so on.
const characters = [...'aZ1 é_*`[]()!#&<>|~+-=.:;\\\'"@wWps/\n\r\t\u0000\u007fب😀'];
const text = fc.array(fc.constantFrom(...characters), { minLength: 1, maxLength: 12 }).map((list): PhrasingContent => ({ type: 'text', value: list.join('') }));
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{ node: PhrasingContent }>((tie) => ({
  node: fc.oneof(
    { weight: 5, arbitrary: text },
    { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children): PhrasingContent => ({ type: 'emphasis', children })) },
    { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children): PhrasingContent => ({ type: 'strong', children })) },
    { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children): PhrasingContent => ({ type: 'delete', children })) },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('node'), { minLength: 1, maxLength: 2 })
        .map((children): PhrasingContent => ({ type: 'link', url: 'https://x.org/a_b', children })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<PhrasingContent>(
        { type: 'inlineCode', value: 'a|b' },
        { type: 'break' },
        { type: 'footnoteReference', identifier: 'n', label: 'n' },
      ),
    },
  ),
})).node;
const line = fc.array(phrasing, { minLength: 1, maxLength: 4 });
const block: fc.Arbitrary<RootContent> = fc.oneof(
  line.map((children): RootContent => ({ type: 'paragraph', children })),
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1, children })),
  line.map((children): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
  fc.tuple(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 3 })).map(
    ([ordered, items]): RootContent => ({
      type: 'list',
      ordered,
      children: items.map((children) => ({ type: 'listItem', children: [{ type: 'paragraph', children }] })),
    }),
  ),
  fc.array(line, { minLength: 1, maxLength: 3 }).map(
    (cells): RootContent => ({
      type: 'table',
      children: [0, 1].map(() => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })),
    }),
  ),
);

it('escapes every character in every construct as the plain options do', () => {
  fc.assert(
    fc.property(fc.array(block, { minLength: 1, maxLength: 3 }), (children) => {
      expectSameMarkdown({ type: 'root', children });
    }),
    { numRuns: 1500 },
  );
});
