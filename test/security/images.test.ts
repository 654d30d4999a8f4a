/**
 * Images: only regular files inside the brief's folder, sniffed as PNG/JPEG/GIF/WebP and at most
 * 2 MiB, are inlined as data: URLs; everything else is a positioned `unsafe-image` error.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, loadBriefs, problemsOf } from '../../src/index.js';
import { maxImageBytes, sniffImageType } from '../../src/render/images.js';
import { briefText } from './brief.js';
import { executableParts } from './html-audit.js';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function project() {
  const root = mkdtempSync(join(tmpdir(), 'bs-images-'));
  const dir = join(root, 'briefs');
  mkdirSync(join(dir, 'img'), { recursive: true });
  writeFileSync(join(dir, 'img', 'map.png'), png);
  writeFileSync(join(root, 'outside.png'), png);
  writeFileSync(join(dir, 'img', 'fake.png'), 'not a png at all');
  writeFileSync(join(dir, 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(join(dir, 'img', 'huge.png'), Buffer.concat([png, Buffer.alloc(maxImageBytes)]));
  symlinkSync(join(root, 'outside.png'), join(dir, 'img', 'link.png'));
  symlinkSync('/etc/passwd', join(dir, 'img', 'passwd.png'));
  return { root, dir };
}

describe('images', () => {
  it('inlines a local PNG as a data: URL and nothing else', async () => {
    const { root, dir } = project();
    writeFileSync(join(dir, 'ok.md'), briefText({ body: '![Map of the talks](img/map.png) [@alpha]' }));
    const result = await buildBriefs({ paths: [join(dir, 'ok.md')], cwd: root, outDir: join(root, 'out'), formats: ['html', 'md'] });
    expect(problemsOf(result.files).filter((problem) => problem.severity === 'error')).toEqual([]);
    const html = result.written.find((file) => file.format === 'html')!;
    const { readFileSync } = await import('node:fs');
    const output = readFileSync(html.path, 'utf8');
    expect(output).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="Map of the talks" class="inlined-image">`);
    expect(executableParts(output, { allowImages: true })).toEqual([]);
    expect(readFileSync(join(root, 'out', 'hostile-brief.md'), 'utf8')).toContain('Map of the talks');
  });

  it.each([
    ['http://127.0.0.1:9/remote.png', /remote and `scheme:` images are refused/],
    ['//127.0.0.1:9/remote.png', /remote and `scheme:` images are refused/],
    ['file:///etc/passwd', /remote and `scheme:` images are refused/],
    ['data:image/svg+xml;base64,PHN2Zz4=', /remote and `scheme:` images are refused/],
    ['/etc/passwd', /absolute paths are refused/],
    ['../outside.png', /`\.\.` may not leave it/],
    ['img/../../outside.png', /`\.\.` may not leave it/],
    ['img/link.png', /inside the brief's folder/],
    ['img/passwd.png', /inside the brief's folder/],
    ['img/missing.png', /an image file that exists/],
    ['img', /an image file$/],
    ['img/fake.png', /PNG, JPEG, GIF or WebP image/],
    ['img/logo.svg', /SVG is refused/],
    ['img/huge.png', /at most 2097152 bytes/],
  ])('refuses ![](%s) with a positioned error', async (url, expected) => {
    const { root, dir } = project();
    writeFileSync(join(dir, 'bad.md'), briefText({ body: `Look: ![alt text](<${url}>) [@alpha]` }));
    const [loaded] = await loadBriefs({ paths: [join(dir, 'bad.md')], cwd: root });
    const problems = problemsOf([loaded!.file]).filter((problem) => problem.ruleId === 'unsafe-image');
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.severity}`)).toEqual(['22:7 error']);
    expect(problems[0]!.message).toMatch(expected);
    expect(loaded!.brief).toBeNull();
  });

  it('recognises image types by their first bytes, not their names', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('<html><script>'))).toBeNull();
  });
});
