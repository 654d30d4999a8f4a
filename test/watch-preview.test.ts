/**
 * A live preview (watch, serve) writes a brief's HTML as soon as it is rendered, before the other
 * formats and before the PDF is printed, and renders the .docx (slower than everything before it)
 * only once the PDF is printed; what it writes is byte for byte what a one-off build writes, and
 * a format that fails after the HTML leaves the HTML written and the failure reported.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBriefs } from '../src/engine/build.js';
import type { BriefJobResult } from '../src/engine/brief-job.js';
import { firstThenLater } from '../src/engine/preview-split.js';
import type { Format } from '../src/render/formats.js';
import { watchBriefs, type WatchEvent, type WatchHandle } from '../src/watch/watch.js';
import { fullBrief } from './helpers/project.js';

const env = { SOURCE_DATE_EPOCH: '1767225600' };
const formats: Format[] = ['md', 'html', 'pdf', 'json', 'docx'];

let open: WatchHandle[] = [];
afterEach(async () => {
  await Promise.all(open.map((handle) => handle.close()));
  open = [];
});

function project(files: Record<string, string> = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-preview-'));
  mkdirSync(join(cwd, 'briefs'));
  writeFileSync(join(cwd, 'briefs', 'full.md'), fullBrief);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(cwd, name, '..'), { recursive: true });
    writeFileSync(join(cwd, name), text);
  }
  return cwd;
}

describe('a live preview', () => {
  it('writes the HTML before the other formats are rendered, and every file as a one-off build does', async () => {
    const cwd = project();
    const out = (name: string) => join(cwd, 'out', name);
    const order: Format[] = [];
    // Which other outputs were on disk when the HTML's `written` event came.
    let withHtml: string[] | undefined;
    const watch = watchBriefs({
      cwd,
      formats,
      env,
      onEvent: (event: WatchEvent) => {
        if (event.type !== 'written') return;
        order.push(event.format);
        if (event.format === 'html') withHtml ??= ['md', 'json', 'docx', 'pdf'].filter((format) => existsSync(out(`full-brief.${format}`)));
      },
    });
    open.push(watch);
    await watch.ready;
    expect(order[0]).toBe('html');
    // The .docx is rendered once the PDF is printed: beside the print it slowed Chromium.
    expect(order.slice(-2)).toEqual(['pdf', 'docx']);
    expect([...order].sort()).toEqual([...formats].sort());
    expect(withHtml).toEqual([]);
    expect(watch.briefs().map((status) => status.ok)).toEqual([true]);

    await buildBriefs({ cwd, outDir: 'again', formats, env });
    for (const format of formats) {
      const name = `full-brief.${format}`;
      expect(readFileSync(out(name)).equals(readFileSync(join(cwd, 'again', name))), name).toBe(true);
    }
  });

  it('keeps the HTML and the PDF it wrote when a template of a later format fails, and reports that template', async () => {
    const partial = 'templates/partials/md/timeline.hbs';
    const cwd = project({ [partial]: '{{#each items}}\n- {{date}}\n' });
    const events: WatchEvent[] = [];
    const watch = watchBriefs({ cwd, formats: ['md', 'html', 'pdf'], env, onEvent: (event) => events.push(event) });
    open.push(watch);
    await watch.ready;
    expect(existsSync(join(cwd, 'out', 'full-brief.html'))).toBe(true);
    expect(existsSync(join(cwd, 'out', 'full-brief.pdf'))).toBe(true);
    expect(existsSync(join(cwd, 'out', 'full-brief.md'))).toBe(false);
    expect(watch.briefs().map((status) => status.ok)).toEqual([false]);
    expect(watch.templateFiles().map((file) => file.path)).toContain(partial);
  });
});

/** A job result with just enough in it for the split. */
function result(outputs: Format[], brief = true): BriefJobResult {
  return {
    path: '/x.md',
    file: { path: 'x.md', messages: brief ? [] : [{ ruleId: 'resource-limit' }] },
    brief: brief ? {} : null,
    meta: brief ? {} : null,
    outputs: outputs.map((format) => ({ format, data: new Uint8Array(), used: [] })),
    pdf: null,
    templateError: null,
    renderError: null,
  } as unknown as BriefJobResult;
}

describe('firstThenLater', () => {
  const formatsOf = (parts: { outputs: Array<{ format: string }> }) => parts.outputs.map((output) => output.format);

  it('gives the whole result when no first part came, and its failure', async () => {
    const whole = await firstThenLater(async () => result(['md', 'html']));
    expect(formatsOf(whole)).toEqual(['md', 'html']);
    expect(whole.later).toBeUndefined();
    await expect(firstThenLater(() => Promise.reject(new Error('worker gone')))).rejects.toThrow('worker gone');
  });

  it('gives the first part at once and the rest as `later`, which never rejects', async () => {
    let finish!: (value: BriefJobResult) => void;
    let fail!: (error: Error) => void;
    const first = await firstThenLater((onFirst) => {
      onFirst(result(['html']));
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    });
    expect(formatsOf(first)).toEqual(['html']);
    finish(result(['md', 'docx']));
    const later = await first.later!;
    expect(formatsOf(later)).toEqual(['md', 'docx']);
    expect(later.messages).toEqual([]);

    const stopped = await firstThenLater((onFirst) => {
      onFirst(result(['html']));
      return Promise.resolve(result([], false));
    });
    expect((await stopped.later!).messages.map((message) => message.ruleId)).toEqual(['resource-limit']);

    const broken = await firstThenLater((onFirst) => {
      onFirst(result(['html']));
      return new Promise((_, reject) => {
        fail = reject;
      });
    });
    fail(new Error('worker gone'));
    expect((await broken.later!).renderError?.message).toBe('worker gone');
  });
});
