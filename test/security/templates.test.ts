/**
 * Templates are data-only: model text is never compiled as a template, and a template cannot
 * reach prototypes or constructors even when it asks for them.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../../src/index.js';
import { briefText, check, renderText } from './brief.js';
import { executableParts } from './html-audit.js';

const syntax = [
  '{{constructor.constructor}}',
  '{{#each sources}}EACH{{/each}}',
  '{{> cover}}',
  '{{{css}}}',
  '{{lookup this "constructor"}}',
  '{{!-- comment --}}',
];

describe('templates are data-only', () => {
  it.each(syntax)('renders %s from the brief literally in md, html and json', async (text) => {
    const body = `Prose with ${text} inside. [@alpha]\n\n:::reaction{actor="${text.replace(/"/g, "'")}" stance=cautious date=2025-10-16}\nSaid ${text}. [@alpha]\n:::`;
    const { md, html, json } = await renderText(briefText({ title: `Title ${text}`, body }));
    const literal = text.replace(/"/g, "'");
    for (const output of [md, json.replaceAll('\\"', '"')]) expect(output).toContain(text.includes('"') ? text : literal);
    // HTML escapes quotes and `=`, and makes the quotes of text typographic; the braces survive as text.
    const unescaped = html
      .replace(/&#x27;|&#39;|[‘’]/g, "'")
      .replace(/&quot;|&#x22;|[“”]/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&gt;/g, '>');
    expect(unescaped).toContain(`Title ${text}`);
    expect(unescaped).toContain(`Prose with ${text} inside.`);
    // `EACH` only ever appears inside the literal text, never as the output of a loop.
    for (const output of [md, html]) expect(output.replaceAll('{{#each sources}}EACH', '')).not.toContain('EACH');
    expect(executableParts(html)).toEqual([]);
  });

  it('gives a template no way to a constructor or prototype', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bs-templates-'));
    mkdirSync(join(root, 'templates'));
    writeFileSync(
      join(root, 'templates', 'brief.md.hbs'),
      [
        'A[{{meta.constructor}}]',
        'B[{{meta.__proto__}}]',
        'C[{{lookup meta "constructor"}}]',
        'D[{{meta.title.constructor.name}}]',
        'E[{{#with meta.constructor}}{{name}}{{/with}}]',
        'F[{{meta.hasOwnProperty}}]',
      ].join('\n'),
    );
    const { brief } = check(briefText());
    const md = await renderBrief(brief!, 'md', { cwd: root, templates: join(root, 'templates') }).catch((error: Error) => error.message);
    // Either an empty value or a refusal (strict mode); never the Object or Function constructor.
    expect(md).not.toMatch(/function|Object\(|\[native code\]|String/);
  });
});
