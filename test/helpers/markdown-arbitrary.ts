/**
 * fast-check documents in the shapes briefs use: directives nested at several depths, citations,
 * tables, footnotes, emphasis across lines, lists, quotes, code, non-ASCII, CRLF line endings.
 */
import fc from 'fast-check';

const word = fc.constantFrom('alpha', 'Moscow', 'é', 'Шараа', 'الشرع', '中文', '😀', 'x1', 'the', 'a.b', '3:17', 'n:th', '—', '!', '"', "'", '(', ')', ']');
const markup = fc.constantFrom(
  '*em*',
  '_em_',
  '**strong**',
  '*em\nacross*',
  '**a\nb**',
  '`code`',
  '`` a ` b ``',
  '~~del~~',
  '[@alpha]',
  '[@alpha, p. 3; @beta]',
  '[^1]',
  '[^2]',
  '[link](https://example.org)',
  '<https://x.org>',
  'http://a.b/c?d',
  'www.x.org',
  'a@b.org',
  '\\*',
  '&amp;',
  '&#x41;',
  ':q[quoted text]{source=alpha}',
  ':q[two\nlines]{source=a}',
  ':q[a [nested] b]{source=a}',
  ':q[*em*]{source="a b"}',
  ':q[x]{source="a}b"}',
  ':abbr[UN]',
  '{{x}}',
  'word  \nbreak',
  'hard\\\nbreak',
  '![img](x.png "t")',
  '[ref]',
  '[ref][]',
  '<b>raw</b>',
  '\\[@x]',
  '[@x]{.c}',
  ':x',
  '::',
  '{a=b}',
  'a_b_c',
  '**x*y**',
  '__x__',
  '\t',
  '   ',
  ':q[open',
  '\u0000',
);
const inline = fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: markup });
const line = fc.array(inline, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const attributes = fc.constantFrom('', '{party=Russia}', '{#id .c key="v w"}', '{key=v #id}', '{#id .c}', '{actor="{{x}}" stance=c}', "{a='x{y' b=c}");

const leaf = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `- ${text}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text, index) => `${index + 1}. ${text}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(word, word, word, word).map(([a, b, c, d]) => `| ${a} | ${b} |\n|---|:-:|\n| ${c} | ${d} |`) },
  { weight: 1, arbitrary: line.map((text) => `[^1]: ${text}`) },
  { weight: 1, arbitrary: line.map((text) => `> ${text}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('judgment', 'source', 'x'), line).map(([name, text]) => `::${name}[${text}]{likelihood=likely}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---',
      '***',
      'Setext\n===',
      'Setext\n---',
      '```\n:::judgment\ncode\n```',
      '    indented\n    code',
      '[ref]: https://example.org "T"',
      '<div>\n:::x\n</div>',
      ':::',
      '::::',
      ':::judgment',
      '- :::judgment\n  in list\n  :::',
      '> :::analysis\n> quoted\n> :::',
      '* a\n\n  b',
      '1) x\n2) y',
      '- [ ] todo\n- [x] done',
      '| a |\n|---|\n| b |\n\n:::',
      '[^2]: n\n    more',
    ),
  },
);

/** A block: a leaf block or a container directive holding blocks, its fence longer than any inside. */
const block: fc.Arbitrary<string> = fc.letrec<{ block: string; container: string }>((tie) => ({
  block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('container')),
  container: fc
    .tuple(fc.constantFrom('judgment', 'interest', 'analysis', 'file'), attributes, fc.array(tie('block'), { maxLength: 3 }))
    .map(([name, attributeText, children]) => {
      const inner = children.map((child) => /^(:{3,})/m.exec(child)?.[1]?.length ?? 2);
      const fence = ':'.repeat(Math.max(3, ...inner.map((length) => length + 1)));
      return `${fence}${name}${attributeText}\n${children.join('\n\n')}\n${fence}`;
    }),
})).block;

/** A whole brief-shaped document with front matter; some with CRLF line endings. */
export const markdownDocument = fc.tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([blocks, crlf]) => {
  const text = `---\ntitle: x\n---\n\n${blocks.join('\n\n')}\n`;
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});
