/**
 * The rendered-field cache must key on the source numbering as well as the text: an edit that
 * reorders the sources changes the numbers a field prints without changing the field's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedField, type FieldRenderings, fieldGroup, fieldsAdded, fieldsOf, seedFields } from '../src/render/field-cache.js';
import { parseBrief, renderBrief, validateBrief } from '../src/index.js';
import { fixturesDir } from './helpers/fixtures.js';

const text = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8');

async function rendered(source: string, format: 'md' | 'html'): Promise<string> {
  const { brief, file } = validateBrief(parseBrief(source, { path: 'briefs/minimal.md' }));
  expect(file.messages.filter((message) => message.fatal)).toEqual([]);
  if (!brief) throw new Error('expected a valid brief');
  return String(await renderBrief(brief, format));
}

it.each(['md', 'html'] as const)('re-numbers an unchanged %s field when an edit reorders the sources', async (format) => {
  // Listing beta before alpha in the front matter makes beta source 1.
  const alpha = text.slice(text.indexOf('  alpha:'), text.indexOf('  beta:'));
  const beta = text.slice(text.indexOf('  beta:'), text.indexOf('---', 4));
  const reordered = text.replace(alpha + beta, beta + alpha);
  expect(reordered).not.toBe(text);
  const first = await rendered(text, format);
  const second = await rendered(reordered, format);
  const judgment = (output: string) => output.slice(output.indexOf('They have met twice'), output.indexOf('They have met twice') + 120);
  // Same judgment text, but beta is source 2 in the first brief and source 1 in the second.
  expect(judgment(first)).toMatch(/2/);
  expect(judgment(second)).not.toBe(judgment(first));
  expect(judgment(second)).toMatch(/1/);
});

describe('renderings kept by an earlier build', () => {
  it('reads a format’s group only when a field of that format is first wanted', () => {
    const reads: string[] = [];
    const group = (name: string, fields: FieldRenderings) => () => {
      reads.push(name);
      return fields;
    };
    seedFields('grouped', { html: group('html', { 'html0\0n': { a: '<p>a</p>' } }), md: group('md', { 'md0\0n': { a: 'a' } }) });
    const render = () => 'rendered';
    expect(cachedField('grouped', 'html0\0n', 'a', render)).toBe('<p>a</p>');
    expect(cachedField('grouped', 'html0\0n', 'b', render)).toBe('rendered');
    // Another context (inline, another numbering) is another rendering of the same text.
    expect(cachedField('grouped', 'html1\0n', 'a', render)).toBe('rendered');
    expect(reads).toEqual(['html']);
    expect(fieldsAdded('grouped')).toBe(2);
    // Writing the entry again keeps the group nobody read.
    expect(fieldsOf('grouped')).toEqual({ 'html0\0n': { a: '<p>a</p>', b: 'rendered' }, 'html1\0n': { a: 'rendered' }, 'md0\0n': { a: 'a' } });
    expect(reads).toEqual(['html', 'md']);
  });

  it('names a context’s group by the format it starts with', () => {
    expect(['html0/dir\0x', 'md1\0y', 'docx0\0z'].map(fieldGroup)).toEqual(['html', 'md', 'docx']);
  });
});
