/**
 * Property tests (fast-check): arbitrary Unicode in any field never makes briefsmith throw, never
 * puts an executable element or attribute in the HTML, survives a Markdown round trip as the
 * same text, and never lets a build write outside its out dir. Runs are bounded to stay fast.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString as plainText } from 'mdast-util-to-string';
import type { Heading, Table } from 'mdast';
import { buildBriefs, parseBrief, renderBrief, validateBrief } from '../src/index.js';
import { escapeMarkdown } from '../src/render/rich-text.js';
import { markdownHelpers } from '../src/render/helpers/format.js';
import { briefText } from './security/brief.js';
import { executableParts } from './security/html-audit.js';

/** Text biased towards what breaks Markdown, HTML and YAML, mixed with any code point. */
const hostile = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'*_[]()<>`#\\|!&;:{}~-+=.@^$%"\'/ \t\n'.split('')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<script>',
        'javascript:',
        'onerror=',
        '{{',
        '}}',
        '&#106;',
        '\u202E',
        '\u0000',
        'ش',
        'é',
        '\u00A0',
        '---',
        ':::',
        '[@alpha]',
        '\r\n',
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 40,
});

const yamlString = (text: string) => JSON.stringify(text);
const runs = { numRuns: 120 };

describe('arbitrary text in any field', () => {
  it('never throws, and the HTML it renders has nothing executable', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('title', 'summary', 'prose', 'attribute', 'label', 'source'), async (text, field) => {
        const attribute = text.replace(/["\n\r]/g, '');
        const parts = {
          title: { title: text },
          summary: { summary: `${text} [@alpha]` },
          prose: { body: `${text} [@alpha]` },
          attribute: { body: `:::reaction{actor="${attribute}" stance=cautious date=2025-10-16}\nText. [@alpha]\n:::` },
          label: { body: `::event[${text.replace(/[\n\r]/g, ' ')} [@alpha]]{date=2025-01}` },
          source: {},
        }[field];
        let input = briefText(parts);
        if (field === 'source') input = input.replace('outlet: Alpha News', `outlet: ${yamlString(text)}`);
        const parsed = parseBrief(input, { path: 'input.md' });
        const { brief } = validateBrief(parsed);
        if (!brief || parsed.file.messages.some((message) => message.fatal)) return;
        const html = await renderBrief(brief, 'html');
        expect(executableParts(html)).toEqual([]);
        await renderBrief(brief, 'md');
      }),
      runs,
    );
  });

  it('survives a Markdown round trip through `md` and `md-cell` as the same text', () => {
    const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown);
    fc.assert(
      fc.property(hostile, (text) => {
        // What one line of Markdown can carry: line breaks become spaces, NUL becomes U+FFFD.
        const expected = text
          .replace(/\r\n?/g, '\n')
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\u0000/g, '\uFFFD');
        const heading = parse(`# ${escapeMarkdown(text)}\n`).children[0] as Heading | undefined;
        expect(heading ? plainText(heading) : '').toBe(expected);
        const paragraph = parse(`${escapeMarkdown(text)}\n`);
        expect(plainText(paragraph)).toBe(expected);
        const cell = String(markdownHelpers['md-cell'](text));
        const table = parse(`| a | b |\n| - | - |\n| ${cell} | x |\n`).children[0] as Table;
        expect(table.type).toBe('table');
        expect(table.children[1]!.children.map((column) => plainText(column))).toEqual([expected, 'x']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('builds stay inside the out dir', () => {
  it('never writes outside it, whatever the id or paths say', async () => {
    const traversal = fc.constantFrom(
      '../escape',
      '..%2Fescape',
      '/tmp/escape',
      'a/../../escape',
      '..\\escape',
      'ok-id',
      'CON',
      'x\u0000y',
      '.hidden',
      'a'.repeat(300),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(traversal, hostile), async (id) => {
        const root = mkdtempSync(join(tmpdir(), 'bs-prop-'));
        writeFileSync(join(root, 'brief.md'), briefText({ id: yamlString(id) }));
        const result = await buildBriefs({ paths: ['brief.md'], cwd: root, outDir: 'out', formats: ['md', 'json'] });
        for (const file of result.written) expect(relative(join(root, 'out'), file.path)).toMatch(/^[a-z0-9-]+\.(md|json)$/);
        expect(readdirSync(root).filter((name) => name !== 'out' && name !== 'brief.md')).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
