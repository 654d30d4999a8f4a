/**
 * Bounded work: small briefs that used to take minutes or gigabytes. Tables, footnotes, images and
 * inlined image bytes have limits; text clean-ups are linear (inputs sized so that a quadratic
 * pass would run for hours, never a timed assertion); the build cache sees every CommonMark form
 * of an image reference.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, loadBriefs, problemsOf } from '../../src/index.js';
import { customHeadingId, joinLines, trimLineEnds, withoutCitations } from '../../src/source/linear-text.js';
import { makeProject, minimalBrief } from '../helpers/project.js';
import { briefText, check, renderText } from './brief.js';

const limitMessages = (text: string) =>
  check(text)
    .problems.filter((problem) => problem.ruleId === 'limit-exceeded')
    .map((problem) => `${problem.line} ${problem.message}`);
const table = (columns: number, rows: number) =>
  [`|${' h |'.repeat(columns)}`, `|${'---|'.repeat(columns)}`, ...Array.from({ length: rows }, () => '| x |')].join('\n');
const png = (bytes: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(bytes - 8)]);

describe('limits on what a brief may ask for', () => {
  it('refuses a table whose rows × columns go over the limit, at the table', () => {
    // 300 × 300: every short row is padded to the header's 300 columns (4000 × 4000 took 4 GB).
    const text = briefText({ body: `Intro. [@alpha]\n\n${table(300, 300)}` });
    const line = text.split('\n').findIndex((each) => each.startsWith('| h')) + 1;
    expect(limitMessages(text)).toEqual([`${line} Unexpected number of cells in one table (rows × columns) (20,100), expected at most 20,000`]);
  });

  it('builds a table under the limit', async () => {
    const { md } = await renderText(briefText({ body: `Intro. [@alpha]\n\n${table(20, 200)}` }));
    expect(md.match(/^\| x /gm)).toHaveLength(200);
  });

  it('refuses more footnotes than the limit', () => {
    const notes = Array.from({ length: 1001 }, (_, index) => `Claim[^n${index}]. [@alpha]\n\n[^n${index}]: Note.`).join('\n\n');
    const text = briefText({ body: notes });
    const line = text.split('\n').findIndex((each) => each.startsWith('[^n1000]:')) + 1;
    expect(limitMessages(text)).toEqual([`${line} Unexpected number of footnotes (1,001), expected at most 1,000`]);
  });

  it('refuses more images than the limit', () => {
    expect(limitMessages(briefText({ body: '![x](a.png) '.repeat(201) }))).toEqual(['1 Unexpected number of images (201), expected at most 200']);
  });

  it('refuses a brief whose image uses add up to more than the inlined-bytes limit, at the image that goes over', async () => {
    // 100 uses of a 2 MiB picture made a 270 MB page and Chromium dropped the connection.
    const body = Array.from({ length: 12 }, (_, index) => `![Map ${index}](map.png)`).join('\n\n');
    const cwd = makeProject({ 'briefs/a.md': briefText({ body }) });
    writeFileSync(join(cwd, 'briefs/map.png'), png(1_500_000));
    const [loaded] = await loadBriefs({ cwd });
    const line = readFileSync(join(cwd, 'briefs/a.md'), 'utf8').split('\n').indexOf('![Map 11](map.png)') + 1;
    expect(
      problemsOf([loaded!.file])
        .filter((problem) => problem.ruleId === 'limit-exceeded')
        .map((problem) => `${problem.line} ${problem.message}`),
    ).toEqual([`${line} Unexpected bytes of images inlined, counted at each use (18,000,000), expected at most 16,777,216`]);
    expect(loaded!.brief).toBeNull();
    const [under] = await loadBriefs({ cwd, limits: { maxInlinedBytes: 20_000_000 } });
    expect(under!.brief).not.toBeNull();
  });

  it('counts and checks the images of the front matter summary too', async () => {
    const cwd = makeProject({
      'briefs/a.md': briefText({ summary: 'See ![map](map.png) ![map](map.png) ![x](/etc/passwd) <b>bold</b> [@alpha]', body: '![Map](map.png)' }),
    });
    writeFileSync(join(cwd, 'briefs/map.png'), png(2_000_000));
    const [loaded] = await loadBriefs({ cwd, limits: { maxInlinedBytes: 5_000_000 } });
    const rules = problemsOf([loaded!.file]).map((problem) => `${problem.line} ${problem.ruleId}`);
    expect(rules).toEqual(expect.arrayContaining(['6 unsafe-image', '6 raw-html', '6 limit-exceeded']));
  });
});

describe('linear text clean-ups', () => {
  const spaces = ' '.repeat(3_000_000);
  it('trims line ends, joins lines, finds a custom id and drops citations in one pass over 3 MB', () => {
    expect(trimLineEnds(`a${spaces}b \t\nc  \n  \t`)).toBe(`a${spaces}b\nc\n`);
    expect(joinLines(`a${spaces}b \n c${spaces}`)).toBe(`a${spaces}b c${spaces}`);
    expect(joinLines('a \r b', true)).toBe('a b');
    expect(customHeadingId(`Title${spaces}x`)).toBeNull();
    expect(customHeadingId('Title  {#my-id}')).toEqual({ title: 'Title', id: 'my-id' });
    expect(withoutCitations('[@'.repeat(1_000_000))).toBe('[@'.repeat(1_000_000));
    expect(withoutCitations('Text [@a, p. 3]. More  [@b]')).toBe('Text. More');
  });

  // Each took minutes with the old regular expressions (480,000 spaces: ten minutes to Markdown).
  // Built on a worker thread under a time limit: a synchronous regex on this thread could not be
  // stopped (the test hung), on a worker the limit stops it and the test fails with the rule.
  it.each([
    ['a paragraph of 480,000 spaces', `Start${' '.repeat(480_000)}end. [@alpha]`],
    ['a heading of 400,000 spaces', `## Heading${' '.repeat(400_000)}x\n\nText. [@alpha]`],
    ['a directive attribute of one 400,000-letter word', `::event[An event. [@alpha]]{date=2025-01 note="${'a'.repeat(400_000)}"}`],
    ['colons and spaces before a list', `Intro${':'.repeat(200_000)}${' '.repeat(200_000)}x\n\n- item [@alpha]`],
  ])(
    'renders %s',
    async (_name, body) => {
      const cwd = makeProject({ 'briefs/a.md': briefText({ body }) });
      const result = await buildBriefs({ cwd, formats: ['md', 'html'], workerLimits: { maxSeconds: 30 } });
      expect(problemsOf(result.files).filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(result.written.map((file) => file.format).sort()).toEqual(['html', 'md']);
    },
    // Longer than the time limit, so that a regression fails by the limit, with its message.
    90_000,
  );
});

describe('an unquoted attribute value of one 400,000-letter word', () => {
  it('is one error at the value, its message cut short', async () => {
    const cwd = makeProject({ 'briefs/a.md': briefText({ body: `::event[An event. [@alpha]]{date=2025-01 ${'a'.repeat(400_000)}}` }) });
    const result = await buildBriefs({ cwd, formats: ['md'], workerLimits: { maxSeconds: 30 } });
    const errors = problemsOf(result.files).filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => problem.ruleId)).toEqual(['unquoted-attribute']);
    expect(errors[0]!.message.length).toBeLessThan(200);
  }, 90_000);
});

describe('the build cache and every CommonMark image form', () => {
  const red = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const blue = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPj/HwADBwIAMCbHYQAAAABJRU5ErkJggg==', 'base64');
  it.each([
    ['nested brackets in the alt text', '![a [b] c](map.png)', 'map.png'],
    ['alt text over two lines', '![a map\nof the region](map.png)', 'map.png'],
    ['a destination in angle brackets with a space', '![map](<my map.png>)', 'my map.png'],
    ['an entity in the destination', '![map](m&#97;p.png)', 'map.png'],
    ['an escape in the destination', '![map](map\\_x.png)', 'map_x.png'],
    ['parentheses in the destination', '![map](map(1).png)', 'map(1).png'],
    ['a title', '![map](map.png "The region")', 'map.png'],
    ['an image in a directive label', '::event[![map](map.png) An event. [@alpha]]{date=2025-01}', 'map.png'],
    ['an image in the summary', '', 'map.png'],
  ])('rebuilds when the image changes: %s', async (name, body, file) => {
    const text =
      name === 'an image in the summary'
        ? minimalBrief.replace(/^summary: (.*)$/m, (_line, rest: string) => `summary: ${JSON.stringify(`![map](map.png) ${rest}`)}`)
        : // A leaf directive stands on a line of its own (it cites inside its label).
          minimalBrief.replace('## Timeline', `${body}${body.startsWith('::') ? '' : ' [@alpha]'}\n\n## Timeline`);
    const cwd = makeProject({ 'briefs/brief.md': text });
    mkdirSync(join(cwd, 'briefs'), { recursive: true });
    writeFileSync(join(cwd, 'briefs', file), red);
    const options = { cwd, formats: ['html'] as const, threads: 0 };
    const first = await buildBriefs(options);
    expect(problemsOf(first.files).filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(readFileSync(join(cwd, 'out/minimal-brief.html'), 'utf8')).toContain(red.toString('base64'));
    expect((await buildBriefs(options)).written).toEqual([]);
    writeFileSync(join(cwd, 'briefs', file), blue);
    expect((await buildBriefs(options)).written).toHaveLength(1);
    expect(readFileSync(join(cwd, 'out/minimal-brief.html'), 'utf8')).toContain(blue.toString('base64'));
  });
});
