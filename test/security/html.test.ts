/**
 * Raw HTML and unsafe links in a brief never reach the HTML (and so the PDF printed from it):
 * the output is parsed as a browser would and searched for anything executable.
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToMarkdown } from '../../src/render/rich-text.js';
import { isSafeLink, urlScheme } from '../../src/validate/rules/links.js';
import { briefText, check, renderText } from './brief.js';
import { executableParts } from './html-audit.js';

const vectors: Array<[string, string]> = [
  ['script', '<script>alert("pwned")</script>'],
  ['iframe', '<iframe src="http://127.0.0.1:9/frame"></iframe>'],
  ['object', '<object data="http://127.0.0.1:9/object.swf" type="application/x-shockwave-flash"></object>'],
  ['embed', '<embed src="http://127.0.0.1:9/embed">'],
  ['style with @import', '<style>@import url("http://127.0.0.1:9/import.css"); body { background: url(http://127.0.0.1:9/bg) }</style>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh">'],
  ['link', '<link rel="stylesheet" href="http://127.0.0.1:9/link.css"><link rel="prefetch" href="http://127.0.0.1:9/prefetch">'],
  ['on* attributes', '<div onclick="alert(1)" onmouseover="alert(2)">click</div><img src="x" onerror="alert(3)">'],
  ['svg with script', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><image href="http://127.0.0.1:9/svg.png"/></svg>'],
  ['base and form', '<base href="http://127.0.0.1:9/"><form action="http://127.0.0.1:9/post"><button formaction="javascript:alert(1)">go</button></form>'],
  [
    'inline html in prose',
    'Inline <b onmouseover="alert(1)">bold</b> and <a href="javascript:alert(1)">link</a> and <span style="background:url(http://127.0.0.1:9/x)">s</span>. [@alpha]',
  ],
  ['html comment and cdata', '<!-- <script>alert(1)</script> --> <![CDATA[<script>alert(2)</script>]]>'],
];

describe('raw HTML', () => {
  it.each(vectors)('drops %s from the HTML output and warns about it', async (_, html) => {
    const text = briefText({ body: `${html}\n\nAfter the HTML. [@alpha]` });
    expect(check(text).rules).toContain('raw-html');
    const { html: output, md } = await renderText(text);
    expect(executableParts(output)).toEqual([]);
    // Text between tags may survive as harmless text; no URL or script does.
    expect(output).not.toMatch(/127\.0\.0\.1|javascript:/);
    expect(output).toContain('After the HTML.');
    // The Markdown output is rebuilt from the tree, so raw HTML is not passed on there either.
    expect(md).not.toMatch(/<script|<iframe|<object|<style|<meta|<link|onerror|onclick/i);
  });

  it('escapes HTML written in front matter and directive attributes', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const text = briefText({
      title: `Title ${payload}`,
      summary: `Summary ${payload} [@alpha]`,
      body: `:::reaction{actor="${payload.replace(/"/g, '')}" stance=cautious date=2025-10-16}\nText. [@alpha]\n:::`,
    }).replace('outlet: Alpha News', `outlet: "Alpha ${payload}"`);
    const { html } = await renderText(text);
    expect(executableParts(html)).toEqual([]);
    expect(html).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img/);
  });
});

const unsafeLinks = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'FILE:///etc/passwd',
  '//evil.example/x',
];

describe('links', () => {
  it.each(unsafeLinks)('neutralises %j in link, reference and autolink form', (url) => {
    const encoded = url.replace(/[\t\n\u0001 ]/g, (character) => `&#${character.charCodeAt(0)};`);
    for (const markdown of [`[click](${encoded.replace(/[()]/g, '\\$&')})`, `[click][r]\n\n[r]: <${encoded}>`, `<${url.trim()}>`]) {
      const html = markdownToHtml(markdown, new Map());
      expect(executableParts(html)).toEqual([]);
      expect(html).not.toMatch(/href="(?!#|https?:|mailto:)/i);
      expect(markdownToMarkdown(markdown, new Map())).not.toMatch(/\]\(\s*(javascript|vbscript|data|file)/i);
    }
  });

  // (`\u0001` becomes U+FFFD, a harmless relative link; `<…>` inside `<…>` is not a link at all.)
  it.each(unsafeLinks.filter((url) => !/[\n\u0001<]/.test(url)))('reports %j as an unsafe-link error at its position', (url) => {
    const encoded = url.replace(/[\t\u0001 ]/g, (character) => `&#${character.charCodeAt(0)};`);
    const { problems } = check(briefText({ body: `See [this](<${encoded}>). [@alpha]` }));
    expect(problems.filter((problem) => problem.ruleId === 'unsafe-link').map((problem) => `${problem.line}:${problem.column}`)).toEqual(['22:5']);
  });

  it('keeps http, https, mailto and in-page links', async () => {
    const body =
      'See [a](http://example.org/a), [b](HTTPS://example.org/b), [c](mailto:desk@example.org), [d](#sources) and <https://example.org/auto>. [@alpha]';
    const { html, md } = await renderText(briefText({ body }));
    for (const href of ['http://example.org/a', 'https://example.org/b', 'mailto:desk@example.org', '#sources', 'https://example.org/auto']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(md).toContain('[c](mailto:desk@example.org)');
    expect(executableParts(html)).toEqual([]);
  });

  it('reads schemes as a browser does', () => {
    expect(urlScheme('\u0000 JAVA\tSCRIPT:x')).toBe('javascript');
    expect(urlScheme('relative/path:x')).toBeNull();
    expect(isSafeLink('https://example.org')).toBe(true);
    expect(isSafeLink('/\\evil.example')).toBe(false);
    expect(isSafeLink(' /\t/evil.example')).toBe(false);
    expect(isSafeLink('/relative/page')).toBe(true);
  });
});
