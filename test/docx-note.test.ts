/**
 * The Word output of a note (`layout: note`): no cover section, a header block at the top of its
 * first page, no contents unless asked for, the page furniture kept. And typographic quotes in
 * the Word runs, as in the HTML and the PDF, with code left as written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parseBrief, renderBrief, validateBrief, type Brief } from '../src/index.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const epoch = { SOURCE_DATE_EPOCH: '1761609600' };
const notePath = join(fixturesDir, 'note', 'input.md');
const noteText = readFileSync(notePath, 'utf8');

function load(text: string, path = 'input.md'): Brief {
  const { brief, file } = validateBrief(parseBrief(text, { path }));
  if (!brief) throw new Error(String(file.messages));
  return brief;
}

async function wordParts(brief: Brief): Promise<Record<string, string>> {
  const bytes = await renderBrief(brief, 'docx', { env: epoch, cwd: mkdtempSync(join(tmpdir(), 'bs-docx-note-')) });
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

const decodeEntities = (text: string) =>
  text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => decodeEntities([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((match) => {
    const paragraph = match[0];
    return { style: /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1] ?? 'Normal', text: textOf(paragraph), xml: paragraph };
  });

/** The header or footer part a section's properties name. */
function furniture(parts: Record<string, string>, section: string, kind: 'header' | 'footer'): string {
  const id = new RegExp(`<w:${kind}Reference w:type="default" r:id="([^"]+)"/>`).exec(section)![1];
  const rels = parts['word/_rels/document.xml.rels']!;
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean);
  return parts[`word/${target}`]!;
}

describe('a note in Word', async () => {
  const note = load(noteText, notePath);
  const parts = await wordParts(note);
  const body = parts['word/document.xml']!;
  const paragraphs = paragraphsOf(body);

  it('has no cover section: one section, opened by the header block (Note, title, subtitle, date, for, from, bottom line)', () => {
    expect(note.meta.layout).toBe('note');
    expect(body.match(/<w:sectPr\b/g)).toHaveLength(1);
    expect(body).not.toContain('<w:br w:type="page"/>');
    const opening = paragraphs.slice(0, 8).map((paragraph) => [paragraph.style, paragraph.text]);
    expect(opening).toEqual([
      ['Kicker', 'Note'],
      ['Title', 'Kestria’s export licences'],
      ['Subtitle', note.meta.subtitle],
      ['CoverDetails', 'Date  12 March 2026'],
      ['CoverDetails', 'For  Director, trade policy'],
      ['CoverDetails', 'From  Trade Policy Analysis Unit'],
      ['Heading1', 'Bottom line up front'],
      ['BottomLine', expect.stringMatching(/^Kestria’s licences for rare-earth exports/)],
    ]);
    // The classification is in the banners, not a cover detail.
    expect(paragraphs.some((paragraph) => paragraph.text.startsWith('Classification'))).toBe(false);
    const headings = paragraphs.filter((paragraph) => paragraph.style === 'Heading1').map((paragraph) => paragraph.text);
    expect(headings).toEqual(['Bottom line up front', 'Key judgments', 'Background', 'Sources']);
  });

  it('keeps the classification banner, the running header ("… Note") and "Page X of Y" on every page, the first too', () => {
    const section = /<w:sectPr>([\s\S]*?)<\/w:sectPr>/.exec(body)![1]!;
    expect(section).not.toContain('<w:titlePg/>');
    expect(textOf(furniture(parts, section, 'header'))).toBe(`${note.meta.classification}Kestria’s export licencesNote`);
    const footer = furniture(parts, section, 'footer');
    expect(textOf(footer)).toBe(`12 March 2026Page  of ${note.meta.classification}`);
    expect(footer).toMatch(/PAGE<\/w:instrText>[\s\S]*NUMPAGES<\/w:instrText>/);
  });

  it('has no contents, unless the note asks for them with `contents: always` (then under the header block, the sections on the next page, as in the PDF)', async () => {
    expect(body).not.toContain('TOC \\h');
    const always = (await wordParts(load(noteText.replace('layout: note', 'layout: note\ncontents: always'))))['word/document.xml']!;
    expect(always).toContain('TOC \\h');
    expect(always.match(/<w:sectPr\b/g)).toHaveLength(1);
    const styles = paragraphsOf(always).map((paragraph) => (paragraph.xml.includes('<w:br w:type="page"/>') ? 'page break' : paragraph.style));
    expect(styles.indexOf('TOCHeading')).toBeGreaterThan(styles.indexOf('BottomLine'));
    expect(styles.indexOf('page break')).toBeGreaterThan(styles.indexOf('TOCHeading'));
    expect(styles.indexOf('page break')).toBeLessThan(styles.lastIndexOf('Heading1'));
  });

  it('reads back through mammoth with the title first and the sections in order', async () => {
    const { value: html } = await mammoth.convertToHtml({
      buffer: Buffer.from(await renderBrief(note, 'docx', { env: epoch, cwd: mkdtempSync(join(tmpdir(), 'bs-')) })),
    });
    const lines = html
      .replace(/<[^>]+>/g, '\n')
      .split(/\n+/)
      .filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['Note', 'Kestria’s export licences', note.meta.subtitle]);
    const order = ['Bottom line up front', 'Key judgments', 'Background', 'Sources'].map((title) => lines.indexOf(title));
    expect(order.every((index, position) => index > (order[position - 1] ?? 2))).toBe(true);
  });

  it('leaves the full brief as it was: a cover section, then the body', async () => {
    const brief = (await wordParts(load(noteText.replace('layout: note', 'layout: brief'))))['word/document.xml']!;
    expect(brief.match(/<w:sectPr\b/g)).toHaveLength(2);
    expect(paragraphsOf(brief)[0]).toMatchObject({ style: 'Kicker', text: 'Briefing' });
  });
});

/** The text of every run that is not code (Inline Code runs, Code Block paragraphs). */
function proseText(xml: string): string {
  return paragraphsOf(xml)
    .filter((paragraph) => paragraph.style !== 'CodeBlock')
    .map((paragraph) => textOf(paragraph.xml.replace(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:rStyle w:val="InlineCode"\/>[\s\S]*?<\/w:r>/g, '')))
    .join('\n');
}

describe('typographic quotes in Word', () => {
  it('curls the straight quotes of the sample: body text, headings, judgments, tables, endnotes and the Sources', async () => {
    const sampleText = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
    expect(sampleText).toContain("Syria's transitional president");
    const parts = await wordParts(load(sampleText));
    const names = Object.keys(parts).filter((name) => /^word\/(document|endnotes|header\d+|footer\d+)\.xml$/.test(name));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const text = proseText(parts[name]!);
      expect(text.match(/.{0,30}['"].{0,30}/g), name).toBeNull();
    }
    const text = proseText(parts['word/document.xml']!);
    expect(text).toContain('Syria’s transitional president');
    expect(text).toContain('dated from “on Wednesday”, the day of the visit');
  });

  it('turns each quote the right way across runs, and leaves code as written', async () => {
    const brief = load(
      noteText.replace(
        '## Background\n',
        [
          '## Background\n',
          `*Kestria*'s reply, "a *fair* quota", came in '26; Valdoria's "*no*" followed. Run \`grep "x's"\` to check. [@wire]\n`,
          '| Party | Said |\n|---|---|\n| Kestria\'s ministry | "Talks first" |\n',
          '```\nquota = "20%" # Kestria\'s\n```\n',
        ].join('\n'),
      ),
    );
    const body = (await wordParts(brief))['word/document.xml']!;
    const text = textOf(body);
    expect(text).toContain('Kestria’s reply, “a fair quota”, came in ’26; Valdoria’s “no” followed. Run grep "x\'s" to check.');
    expect(text).toContain('Kestria’s ministry“Talks first”');
    expect(text).toContain('quota = "20%" # Kestria\'s');
    expect(text).toContain('Kestria’s export licences');
  });
});
