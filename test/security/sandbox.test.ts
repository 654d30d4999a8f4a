/**
 * The print sandbox: a canary HTTP server on 127.0.0.1 must receive no request, whatever the
 * brief (or, bypassing the sanitizer, the HTML) tries; scripts do not run; a navigation of the
 * main frame fails the print instead of printing an error page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildBriefs, Printer, problemsOf } from '../../src/index.js';
import { SandboxViolation } from '../../src/print/print-page.js';
import { briefText } from './brief.js';

let server: Server;
let base = '';
const requests: string[] = [];
let printer: Printer;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>CANARY PAGE</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  printer = await Printer.launch({ concurrency: 1, timeout: 20_000 });
});

afterAll(async () => {
  await printer?.close();
  await new Promise((resolve) => server.close(resolve));
});

/** Every way a document can ask for a resource, all pointing at the canary. */
const vectors = (at: string) => `
<link rel="stylesheet" href="${at}/link.css"><link rel="prefetch" href="${at}/prefetch"><link rel="preload" as="image" href="${at}/preload.png">
<link rel="icon" href="${at}/favicon.ico"><link rel="dns-prefetch" href="${at}/dns"><link rel="preconnect" href="${at}/preconnect">
<style>
@import url("${at}/import.css");
@font-face { font-family: Canary; src: url("${at}/font.woff2"); }
body { font-family: Canary; background-image: url("${at}/background.png"); }
</style>
<p style="background: url('${at}/inline-style.png')">styled</p>
<img src="${at}/img.png" srcset="${at}/srcset.png 2x"><picture><source srcset="${at}/source.webp"><img src="${at}/picture.png"></picture>
<iframe src="${at}/iframe"></iframe><object data="${at}/object"></object><embed src="${at}/embed">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image href="${at}/svg-image.png" width="10" height="10"/><image xlink:href="${at}/svg-xlink.png"/></svg>
<video poster="${at}/poster.png" src="${at}/video.mp4"></video><audio src="${at}/audio.mp3"></audio>
<input type="image" src="${at}/input.png"><table background="${at}/table.png"><tr><td>cell</td></tr></table>
<script src="${at}/script.js"></script><script>document.body.innerHTML = 'SCRIPT RAN'; fetch('${at}/fetch');</script>
<p>PRINTED BODY</p>`;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return texts.join('\n');
}

describe('print sandbox', () => {
  it('makes no request for any resource, even in unsanitized HTML, and runs no script', async () => {
    requests.length = 0;
    const pdf = await printer.print(`<!DOCTYPE html><html><head><title>t</title></head><body>${vectors(base)}</body></html>`, { paper: 'a4' });
    const text = await pdfText(pdf);
    expect(text).toContain('PRINTED BODY');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('CANARY PAGE');
    expect(requests).toEqual([]);
  });

  it('fails the print when the document navigates its main frame, and never prints the target', async () => {
    requests.length = 0;
    const html = `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=${base}/refresh"></head><body>${'<p>padding</p>'.repeat(200)}</body></html>`;
    await expect(printer.print(html, { paper: 'a4' })).rejects.toThrow(SandboxViolation);
    await expect(printer.print(html, { paper: 'a4' })).rejects.toThrow(/tried to navigate to http:\/\/127\.0\.0\.1:\d+\/refresh; printing was stopped/);
    expect(requests).toEqual([]);
    // The page is replaced after a violation: the next document prints normally.
    expect(await pdfText(await printer.print('<p>next brief</p>', { paper: 'a4' }))).toContain('next brief');
  });

  it('builds HTML and PDF from a brief carrying every vector without a single request', async () => {
    requests.length = 0;
    const dir = mkdtempSync(join(tmpdir(), 'bs-canary-'));
    const body = `${vectors(base)}\n\n<meta http-equiv="refresh" content="0; url=${base}/refresh">\n\nA [link](${base}/link-in-text) is only a link. [@alpha]`;
    writeFileSync(join(dir, 'canary.md'), briefText({ id: 'canary', body }));
    const result = await buildBriefs({ paths: [join(dir, 'canary.md')], cwd: dir, outDir: join(dir, 'out'), formats: ['html', 'pdf'] });
    expect(problemsOf(result.files).filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.written.map((file) => file.format).sort()).toEqual(['html', 'pdf']);
    const html = readFileSync(join(dir, 'out', 'canary.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html.replaceAll(`${base}/link-in-text`, '')).not.toContain(base);
    expect(await pdfText(new Uint8Array(readFileSync(join(dir, 'out', 'canary.pdf'))))).toContain('is only a link');
    expect(requests).toEqual([]);
  });
});
