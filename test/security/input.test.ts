/** Hostile input at the front door: front matter engines, YAML tricks, encodings, Arabic text. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefs, problemsOf } from '../../src/index.js';
import { briefText, check, renderText } from './brief.js';

describe('front matter', () => {
  it.each(['js', 'javascript', 'coffee'])('refuses `---%s` front matter with a positioned error and never runs it', (engine) => {
    const text = briefText({})
      .replace(/^---\n/, `---${engine}\n`)
      .replace(/^id: .*$/m, '"id": (globalThis.ran = true, "x")');
    const { rules, problems, brief } = check(text);
    expect(rules).toContain('frontmatter-engine');
    expect(problems.find((problem) => problem.ruleId === 'frontmatter-engine')).toMatchObject({ line: 1, column: 4 });
    expect(brief).toBeNull();
    expect((globalThis as Record<string, unknown>).ran).toBeUndefined();
  });

  it('refuses missing and unclosed front matter with a position', () => {
    expect(check('## Body\n\nText.\n').problems[0]).toMatchObject({ ruleId: 'frontmatter-missing', line: 1, column: 1 });
    expect(check('---\nid: x\ntitle: y\n\nText.\n').problems[0]).toMatchObject({ ruleId: 'frontmatter-unclosed', line: 1, column: 1 });
  });

  it.each(['!!js/function "function () { return 1 }"', '!!js/regexp /x/', '!!python/object:os.system ls', '!custom value', '!!binary aGVsbG8='])(
    'refuses the custom tag in `title: %s`',
    (value) => {
      const { rules, brief } = check(briefText().replace(/^title: .*$/m, `title: ${value}`));
      expect(rules).toContain('yaml-unsafe');
      expect(brief).toBeNull();
    },
  );

  it('refuses a billion-laughs alias bomb as unsafe instead of expanding it', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const text = briefText({ front: `audience:\n  ${levels.join('\n  ')}` });
    const { problems, brief } = check(text);
    const unsafe = problems.filter((problem) => problem.ruleId === 'yaml-unsafe');
    expect(unsafe).toHaveLength(1);
    expect(unsafe[0]!.message).toMatch(/^Unexpected front matter \(.*alias.*\), expected plain YAML data$/i);
    expect(unsafe[0]).toMatchObject({ line: 9, column: 10 });
    expect(brief).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('cannot pollute prototypes through a `%s` key at any depth', (key) => {
    const front = [`${key}: { polluted: yes }`, 'sources2:', `  ${key}:`, '    polluted: yes'].join('\n');
    const { rules, brief } = check(briefText({ front }).replace('sources:\n  alpha:', `sources:\n  ${key}:\n    polluted: true\n  alpha:`));
    expect(rules).toContain('yaml-unsafe');
    expect(brief).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('does not pollute through a merge key or a quoted __proto__', () => {
    const front = 'audience: { "__proto__": { polluted: 1 } }\nkeywords: [x]';
    const { rules } = check(briefText({ front }));
    expect(rules).toContain('yaml-unsafe');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('encodings', () => {
  const text = briefText({ body: 'First line\nsecond line. [@alpha]\n\n- a list [@alpha]\n- item [@alpha]' });
  const model = (input: string) => JSON.stringify(check(input).brief);

  it('gives the same model for LF, CRLF, CR and a UTF-8 BOM', () => {
    const lf = model(text);
    expect(JSON.parse(lf)).not.toBeNull();
    expect(model(text.replace(/\n/g, '\r\n'))).toBe(lf);
    expect(model(text.replace(/\n/g, '\r'))).toBe(lf);
    expect(model(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toBe(lf);
    expect(check(`\uFEFF${text}`).problems).toEqual(check(text).problems);
  });

  it('reports NUL and bidi override characters as positioned warnings, and still builds', () => {
    const body = 'A bidi \u202Etrick\u202C here. [@alpha]\n\nAn isolate \u2067x\u2069 and a NUL \u0000 byte. [@alpha]';
    const { problems, brief } = check(briefText({ body }));
    const suspicious = problems.filter((problem) => problem.ruleId === 'suspicious-character');
    expect(suspicious.map((problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.message}`)).toEqual([
      '22:8 warning Unexpected bidirectional control character U+202E, expected ordinary text',
      '22:14 warning Unexpected bidirectional control character U+202C, expected ordinary text',
      '24:12 warning Unexpected bidirectional control character U+2067, expected ordinary text',
      '24:14 warning Unexpected bidirectional control character U+2069, expected ordinary text',
      '24:26 warning Unexpected NUL character U+0000, expected ordinary text',
    ]);
    expect(brief).not.toBeNull();
  });

  it('reports invalid UTF-8 bytes read from disk with their position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-utf8-'));
    const path = join(dir, 'brief.md');
    const [before, after] = briefText({ body: 'Broken BYTES here. [@alpha]' }).split('BYTES');
    writeFileSync(path, Buffer.concat([Buffer.from(before!), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after!)]));
    const [loaded] = await loadBriefs({ paths: [path], cwd: dir });
    const problems = problemsOf([loaded!.file]).filter((problem) => problem.ruleId === 'suspicious-character');
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.severity}`)).toEqual(['22:8 warning', '22:10 warning']);
    expect(problems[0]!.message).toMatch(/invalid UTF-8/);
    expect(loaded!.brief).not.toBeNull();
  });

  it('keeps Arabic text intact in Markdown, HTML and JSON', async () => {
    const arabic = 'الشرع يصعد درج الكرملين';
    const body = `:::reaction{actor="الولايات المتحدة" stance=cautious date=2025-10-16}\n${arabic}، قال المتحدث. [@alpha]\n:::`;
    const { md, html, json, brief } = await renderText(briefText({ title: `زيارة ${arabic}`, body }));
    for (const output of [md, html, json]) {
      expect(output).toContain(arabic);
      expect(output).toContain('الولايات المتحدة');
      expect(output).toContain(`زيارة ${arabic}`);
    }
    expect(brief.meta.title).toBe(`زيارة ${arabic}`);
    expect(JSON.parse(json).reactions[0].actor).toBe('الولايات المتحدة');
  });
});
