/** The Word output: structure, notes, contents, page furniture, properties, reference document, determinism. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parseBrief, renderBrief, validateBrief } from '../src/index.js';
import { ReferenceDocumentError } from '../src/docx/reference.js';
import { builtinReferenceDocx } from '../src/docx/builtin-reference.js';
import { styleDefinitions } from '../src/docx/style-sheet.js';
import { fixturesDir, root } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const samplePath = join(root, 'briefs', 'sharaa-moscow-2025-10.md');
const sampleText = readFileSync(samplePath, 'utf8');
const load = (text: string, path: string) => validateBrief(parseBrief(text, { path })).brief!;
const sample = load(sampleText, samplePath);
const full = load(readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8'), 'input.md');
const epoch = { SOURCE_DATE_EPOCH: '1761609600' };
const emptyProject = () => mkdtempSync(join(tmpdir(), 'bs-docx-'));

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1])
    .join('')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((match) => match[0]);
const styled = (xml: string, style: RegExp) =>
  paragraphs(xml).flatMap((paragraph) => {
    const id = /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1];
    return id && style.test(id) ? [{ style: id, text: textOf(paragraph) }] : [];
  });

const sampleDocx = await renderBrief(sample, 'docx', { env: epoch, cwd: emptyProject() });
const sampleParts = parts(sampleDocx);
const body = sampleParts['word/document.xml']!;

describe('docx structure', () => {
  it('has the Title, then headings that follow the model: sections as Heading 1, files as Heading 2, never skipping a level', () => {
    expect(styled(body, /^Title$/).map((entry) => entry.text)).toEqual([sample.meta.title]);
    const outline = styled(body, /^Heading[1-3]$/);
    const level1 = outline.filter((entry) => entry.style === 'Heading1').map((entry) => entry.text);
    expect(level1).toEqual(['Bottom line up front', ...sample.sections.filter((section) => section.title).map((section) => section.title), 'Sources']);
    const level2 = outline.filter((entry) => entry.style === 'Heading2').map((entry) => entry.text);
    const files = sample.files.map((file) => file.title);
    expect(level2.filter((title) => files.includes(title))).toEqual(files);
    let previous = 0;
    for (const entry of outline) {
      const level = Number(entry.style.slice(-1));
      expect(level, `${entry.text} after a level-${previous} heading`).toBeLessThanOrEqual(previous + 1);
      previous = level;
    }
  });

  it('reads back as the same outline through mammoth, a separate Word reader', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(sampleDocx) });
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(h1.slice(1, 3)).toEqual(['Key judgments', 'Background']);
    expect(html).toContain('<table>');
  });

  it('makes each citation one endnote, each source in it linked to its numbered entry in the Sources', () => {
    const citations =
      sampleText
        .split('\n---\n')
        .slice(1)
        .join('')
        .match(/\[@[^\]]+\]/g)!.length +
      [...sampleText.matchAll(/:q\[/g)].length +
      (sample.meta.summary.match(/\[@[^\]]+\]/g) ?? []).length;
    const notes = [...sampleParts['word/endnotes.xml']!.matchAll(/<w:endnote w:id="(\d+)">/g)].filter((match) => Number(match[1]) > 0);
    expect(notes.length).toBe(citations);
    expect([...body.matchAll(/<w:endnoteReference w:id="\d+"\/>/g)].length).toBe(citations);
    const anchors = new Set([...sampleParts['word/endnotes.xml']!.matchAll(/w:anchor="(Source_\d+)"/g)].map((match) => match[1]));
    const bookmarks = new Set([...body.matchAll(/<w:bookmarkStart w:name="(Source_\d+)"/g)].map((match) => match[1]));
    expect([...anchors].every((anchor) => bookmarks.has(anchor))).toBe(true);
    expect(bookmarks.size).toBe(sample.sources.length);
    expect(styled(body, /^Source$/).map((entry) => entry.text.split(',')[0])).toEqual(sample.sources.map((source) => source.outlet));
    expect(body).toContain('<w:numPr><w:ilvl w:val="0"/>');
  });

  it('has a contents field already filled with its entries, clean so Word does not ask to update it', async () => {
    expect(body).toMatch(/<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    const entries = styled(body, /^TOC[12]$/).map((entry) => entry.text);
    expect(entries).toEqual(expect.arrayContaining(['Key judgments', 'The four files', ...sample.files.map((file) => file.title), 'Sources']));
    expect(body).not.toContain('w:dirty="true"');
    const short = parts(
      await renderBrief(load(readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8'), 'input.md'), 'docx', { env: epoch, cwd: emptyProject() }),
    );
    expect(short['word/document.xml']).not.toContain('TOC \\h'); // contents: auto, and a short brief (as in the PDF)
    expect(sampleParts['word/settings.xml']).not.toMatch(/<w:updateFields w:val="(true|1)"/);
  });

  it('puts key judgments in their own styles, likelihood and confidence as styled runs, and tables with repeating header rows', () => {
    expect(styled(body, /^KeyJudgment$/)).toHaveLength(sample.keyJudgments.length);
    expect(styled(body, /^KeyJudgment$/)[0]!.text).toMatch(/^KJ1 {2}Russia is very unlikely/);
    expect(body).toMatch(/<w:rStyle w:val="Likelihood"\/><\/w:rPr><w:t xml:space="preserve">Very unlikely \(05–20%\)<\/w:t>/);
    expect(body).toMatch(/<w:rStyle w:val="Confidence"\/><\/w:rPr><w:t xml:space="preserve">High confidence<\/w:t>/);
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables.length).toBeGreaterThanOrEqual(3); // instruments, reactions, timeline
    for (const table of tables) {
      expect(table).toContain('<w:tblStyle w:val="BriefTable"/>');
      expect(table).toMatch(/^<w:tbl><w:tblPr>[\s\S]*?<\/w:tblGrid><w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/);
    }
    expect(tables.some((table) => textOf(table).startsWith('DateEvent'))).toBe(true);
    expect(tables.some((table) => textOf(table).startsWith('ActorStanceDateWhat they said or did'))).toBe(true);
    expect(tables.some((table) => textOf(table).startsWith('InstrumentSignedRatifiedWhat it provides'))).toBe(true);
    expect(body).toMatch(/<w:rStyle w:val="QuotedWords"\/><\/w:rPr><w:t xml:space="preserve">would be too costly and not in Syria’s interest<\/w:t>/);
  });

  it('has the classification at the top and bottom of every page, the running header and "Page X of Y" only after the cover', () => {
    const references = [...body.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((match) => match[1]!);
    expect(references).toHaveLength(2);
    const rels = sampleParts['word/_rels/document.xml.rels']!;
    const part = (section: string, kind: 'header' | 'footer') => {
      const id = new RegExp(`<w:${kind}Reference w:type="default" r:id="([^"]+)"/>`).exec(section)![1];
      return sampleParts[`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)}`]!;
    };
    const [cover, main] = references as [string, string];
    expect(textOf(part(cover, 'header'))).toBe(sample.meta.classification);
    expect(textOf(part(cover, 'footer'))).toBe(sample.meta.classification);
    expect(textOf(part(main, 'header'))).toBe(`${sample.meta.classification}${sample.meta.title}Briefing`);
    const footer = part(main, 'footer');
    expect(textOf(footer)).toBe(`28 October 2025Page  of ${sample.meta.classification}`);
    expect(footer).toMatch(/PAGE<\/w:instrText>[\s\S]*NUMPAGES<\/w:instrText>/);
  });

  it('sets the document properties: title, subject, author, keywords as a list, language', () => {
    const core = sampleParts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Al-Sharaa in Moscow</dc:title>');
    expect(core).toContain(`<dc:subject>${sample.meta.subtitle}</dc:subject>`);
    expect(core).toContain('<dc:creator>Middle East Analysis Unit</dc:creator>');
    expect(core).toContain(`<cp:keywords>${sample.meta.keywords.join('; ')}</cp:keywords>`);
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-10-28T00:00:00Z</dcterms:created>');
    expect(sampleParts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="en-GB"/);
    expect(sampleParts['docProps/custom.xml']).toContain(sample.meta.classification);
  });

  it('writes Arabic as right-to-left runs in the Arabic Text style', async () => {
    const xml = parts(await renderBrief(full, 'docx', { env: epoch, cwd: emptyProject() }))['word/document.xml']!;
    expect(xml).toMatch(/<w:rPr><w:rStyle w:val="ArabicText"\/><w:rtl\/><w:lang w:bidi="ar-SA"\/><\/w:rPr><w:t xml:space="preserve">وزير الخارجية<\/w:t>/);
  });
});

describe('docx images', () => {
  it('embeds a local image at most the text width, its alt text as the picture description', async () => {
    const project = emptyProject();
    writeFileSync(join(project, 'map.png'), readFileSync(join(root, 'docs', 'images', 'first-page.png')));
    const text = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8').replace(
      '## Timeline\n',
      '## Timeline\n\n![Map of the Russian bases](map.png)\n\n',
    );
    const brief = load(text, join(project, 'brief.md'));
    const out = parts(await renderBrief(brief, 'docx', { env: epoch, cwd: project, baseDir: project }));
    expect(Object.keys(out).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(out['word/document.xml']!)!;
    expect(Number(extent[1])).toBeLessThanOrEqual(9298 * 635); // twips → EMU
    expect(out['word/document.xml']).toMatch(/<wp:docPr [^>]*descr="Map of the Russian bases"/);
    const withoutFolder = parts(await renderBrief(brief, 'docx', { env: epoch, cwd: project }));
    expect(Object.keys(withoutFolder).some((name) => name.startsWith('word/media/'))).toBe(false);
    expect(textOf(withoutFolder['word/document.xml']!)).toContain('Map of the Russian bases');
  });
});

describe('docx determinism', () => {
  it('gives a brief the same file whatever the process rendered before it, its bookmarks numbered from 1', async () => {
    const fullPath = join(fixturesDir, 'full', 'input.md');
    const full = load(readFileSync(fullPath, 'utf8'), fullPath);
    const first = await renderBrief(full, 'docx', { env: epoch, cwd: emptyProject() });
    // docx numbers bookmarks from one counter per process: other files take numbers in between.
    await renderBrief(sample, 'docx', { env: epoch, cwd: emptyProject() });
    const again = await renderBrief(full, 'docx', { env: epoch, cwd: emptyProject() });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const body = parts(again)['word/document.xml']!;
    const ids = [...body.matchAll(/<w:bookmarkStart\b[^>]*\bw:id="(\d+)"/g)].map((match) => Number(match[1]));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids.map((_, index) => index + 1).sort((a, b) => a - b));
    const names = new Set([...body.matchAll(/<w:bookmarkStart w:name="(_Toc\d+)"/g)].map((match) => match[1]));
    const anchors = [...body.matchAll(/w:anchor="(_Toc\d+)"/g)].map((match) => match[1]);
    const pageRefs = [...body.matchAll(/PAGEREF (_Toc\d+)/g)].map((match) => match[1]);
    expect(anchors.length).toBeGreaterThan(3);
    expect([...anchors, ...pageRefs].every((name) => names.has(name))).toBe(true);
  });

  it('gives byte-identical files for two builds with SOURCE_DATE_EPOCH, in any time zone', () => {
    const project = emptyProject();
    // Web links are relationships with ids docx draws at random: the brief needs some.
    const linked = sampleText
      .replace('    file: 000_b3528a9c229ff052.txt', '    url: https://example.org/enab-baladi\n    file: 000_b3528a9c229ff052.txt')
      .replace('## Background\n', '## Background\n\nSee [the full analysis](https://example.org/analysis).\n');
    expect(linked).toContain('https://example.org/analysis');
    writeFileSync(join(project, 'brief.md'), linked);
    const build = (out: string, zone: string) => runCli(['build', 'brief.md', '--format', 'docx', '--out', out], { cwd: project, env: { ...epoch, TZ: zone } });
    expect(build('one', 'UTC').status).toBe(0);
    expect(build('two', 'Asia/Tokyo').status).toBe(0);
    const one = readFileSync(join(project, 'one', 'sharaa-moscow-2025-10.docx'));
    expect(one.equals(readFileSync(join(project, 'two', 'sharaa-moscow-2025-10.docx')))).toBe(true);
    expect(
      JSON.parse(readFileSync(join(project, 'one', 'manifest.json'), 'utf8')).briefs[0].outputs.map((output: { format: string }) => output.format),
    ).toEqual(['docx']);
    expect(readFileSync(join(project, 'one', 'index.html'), 'utf8')).toContain('>Word</a>');
  });
});

describe('reference document', () => {
  /** The built-in reference with Heading 1 in Georgia, wider margins and no Key Judgment style. */
  function customReference(): Uint8Array {
    const files = unzipSync(readFileSync(join(root, 'defaults', 'templates', 'brief.docx')));
    const styles = strFromU8(files['word/styles.xml']!)
      .replace(
        /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/,
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="C00000"/></w:rPr></w:style>',
      )
      .replace(/<w:style w:type="paragraph" w:styleId="KeyJudgment">[\s\S]*?<\/w:style>/, '');
    files['word/styles.xml'] = strToU8(styles);
    files['word/document.xml'] = strToU8(
      strFromU8(files['word/document.xml']!).replace(
        /<w:pgMar [^>]*\/>/,
        '<w:pgMar w:top="2000" w:right="1800" w:bottom="2000" w:left="1800" w:header="700" w:footer="700" w:gutter="0"/>',
      ),
    );
    return zipSync(files);
  }

  it("takes styles and margins from the project's templates/brief.docx, and fills in styles it lacks", async () => {
    const project = emptyProject();
    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates', 'brief.docx'), customReference());
    const out = parts(await renderBrief(sample, 'docx', { env: epoch, cwd: project }));
    expect(out['word/styles.xml']).toContain('<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="C00000"/>');
    expect(out['word/styles.xml']).toContain(styleDefinitions.find((style) => style.id === 'KeyJudgment')!.xml);
    expect(out['word/document.xml']).toContain(
      '<w:pgMar w:top="2000" w:right="1800" w:bottom="2000" w:left="1800" w:header="700" w:footer="700" w:gutter="0"/>',
    );
  });

  it('is an input of the .docx alone in the build cache: editing it rebuilds the Word file and nothing else', () => {
    const project = emptyProject();
    writeFileSync(join(project, 'brief.md'), sampleText);
    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates', 'brief.docx'), readFileSync(join(root, 'defaults', 'templates', 'brief.docx')));
    const build = () => runCli(['build', 'brief.md', '--format', 'md,docx'], { cwd: project, env: epoch });
    expect(build().stdout).toMatch(/wrote out\/sharaa-moscow-2025-10\.md[\s\S]*wrote out\/sharaa-moscow-2025-10\.docx/);
    expect(build().stdout).not.toContain('wrote ');
    writeFileSync(join(project, 'templates', 'brief.docx'), customReference());
    const third = build().stdout;
    expect(third).toContain('wrote out/sharaa-moscow-2025-10.docx');
    expect(third).not.toContain('wrote out/sharaa-moscow-2025-10.md');
  });

  it('refuses a reference document that is not a Word file, with exit code 2', async () => {
    const project = emptyProject();
    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates', 'brief.docx'), 'not a zip');
    await expect(renderBrief(sample, 'docx', { cwd: project })).rejects.toThrow(ReferenceDocumentError);
    writeFileSync(join(project, 'brief.md'), sampleText);
    const result = runCli(['build', 'brief.md', '--format', 'docx,md'], { cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/templates\/brief\.docx: is not a Word document .*templates eject brief\.docx/);
  });

  it('is ejected by `templates eject brief.docx`, ready to edit in Word', () => {
    const project = emptyProject();
    const result = runCli(['templates', 'eject', 'brief.docx'], { cwd: project });
    expect(result.status).toBe(0);
    expect(readFileSync(join(project, 'templates', 'brief.docx')).equals(readFileSync(join(root, 'defaults', 'templates', 'brief.docx')))).toBe(true);
  });

  it('is the file the built-in style sheet makes, so the two never drift apart', async () => {
    expect(Buffer.from(await builtinReferenceDocx()).equals(readFileSync(join(root, 'defaults', 'templates', 'brief.docx')))).toBe(true);
  });
});
