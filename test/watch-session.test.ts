/**
 * watch builds through buildBriefs in one session: no save is lost, however it falls against a
 * build, and the manifest, index and duplicate-id check are those of `build`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { watchBriefs, type WatchEvent, type WatchHandle } from '../src/watch/watch.js';
import { minimalBrief, withId } from './helpers/project.js';

const timelinePartial = (marker: string) => `<p class="marker">${marker}</p>\n`;

function project(briefs: number): string {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-session-'));
  mkdirSync(join(cwd, 'briefs'));
  for (let index = 0; index < briefs; index++) writeFileSync(join(cwd, 'briefs', `b${index}.md`), withId(minimalBrief, `brief-${index}`));
  mkdirSync(join(cwd, 'templates', 'partials', 'html'), { recursive: true });
  writeFileSync(join(cwd, 'templates', 'partials', 'html', 'timeline.hbs'), timelinePartial('template-0'));
  return cwd;
}

let open: WatchHandle[] = [];
afterEach(async () => {
  await Promise.all(open.map((handle) => handle.close()));
  open = [];
});

function start(cwd: string, onEvent?: (event: WatchEvent) => void): WatchHandle {
  const watch = watchBriefs({ cwd, formats: ['md', 'html', 'json'], debounceMs: 10, ...(onEvent ? { onEvent } : {}) });
  open.push(watch);
  return watch;
}

/** Polls `check` (after the watch is idle) until it holds or 10 s have passed. */
async function eventually(check: () => boolean, idle: () => Promise<void>): Promise<boolean> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    await idle();
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

/** A small deterministic generator, so a failing trial can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

it('never loses a save made during the first build (20 trials at random moments)', async () => {
  const briefs = 4;
  const calibration = project(briefs);
  const timing = start(calibration);
  const began = performance.now();
  await timing.ready;
  const firstBuildMs = performance.now() - began;
  await timing.close();
  open = [];

  const random = randomFrom(20251015);
  for (let trial = 0; trial < 20; trial++) {
    const cwd = project(briefs);
    const watch = start(cwd);
    const briefAt = random() * firstBuildMs;
    const templateAt = random() * firstBuildMs;
    const saves = [
      new Promise<void>((done) =>
        setTimeout(() => {
          writeFileSync(join(cwd, 'briefs', 'b0.md'), withId(minimalBrief, 'brief-0').replace('title: A minimal brief', `title: Saved in trial ${trial}`));
          done();
        }, briefAt),
      ),
      new Promise<void>((done) =>
        setTimeout(() => {
          writeFileSync(join(cwd, 'templates', 'partials', 'html', 'timeline.hbs'), timelinePartial(`template-${trial + 1}`));
          done();
        }, templateAt),
      ),
    ];
    await Promise.all([watch.ready, ...saves]);
    const context = `trial ${trial}: saves at ${Math.round(briefAt)} and ${Math.round(templateAt)} ms of a ${Math.round(firstBuildMs)} ms build`;
    const reflectsLastSaves = () => {
      const read = (name: string) => readFileSync(join(cwd, 'out', name), 'utf8');
      return (
        read('brief-0.html').includes(`Saved in trial ${trial}`) &&
        read('brief-0.md').includes(`Saved in trial ${trial}`) &&
        Array.from({ length: briefs }, (_, index) => read(`brief-${index}.html`)).every((html) => html.includes(`template-${trial + 1}`))
      );
    };
    // A save the watcher has not reported yet cannot be waited for by `idle`; a lost one never shows.
    expect(await eventually(reflectsLastSaves, () => watch.idle()), context).toBe(true);
    await watch.close();
    open = [];
  }
}, 240_000);

it('keeps the manifest and the index current, and checks duplicate ids as build does', async () => {
  const cwd = project(2);
  const events: WatchEvent[] = [];
  const watch = start(cwd, (event) => events.push(event));
  await watch.ready;
  expect(existsSync(join(cwd, 'out', 'index.html'))).toBe(true);

  writeFileSync(join(cwd, 'briefs', 'b1.md'), withId(minimalBrief, 'brief-1').replace('title: A minimal brief', 'title: Retitled'));
  await eventually(
    () => readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8').includes('Retitled'),
    () => watch.idle(),
  );
  const manifest = JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')) as { briefs: Array<{ id: string; title: string }> };
  expect(manifest.briefs.find((entry) => entry.id === 'brief-1')?.title).toBe('Retitled');
  expect(readFileSync(join(cwd, 'out', 'index.html'), 'utf8')).toContain('Retitled');

  // A new brief that takes an id another brief publishes is refused, and the other's outputs stay.
  writeFileSync(join(cwd, 'briefs', 'copy.md'), withId(minimalBrief, 'brief-0').replace('title: A minimal brief', 'title: The impostor'));
  await eventually(
    () => watch.briefs().length === 3,
    () => watch.idle(),
  );
  const copy = watch.briefs().find((status) => status.path.endsWith('copy.md'));
  expect(copy?.ok).toBe(false);
  expect(copy?.files[0]?.messages.map((message) => message.ruleId)).toContain('duplicate-id');
  expect(readFileSync(join(cwd, 'out', 'brief-0.html'), 'utf8')).not.toContain('The impostor');
  expect(
    watch
      .briefs()
      .map((status) => status.id)
      .sort(),
  ).toEqual(['brief-0', 'brief-1', 'copy']);
}, 60_000);

it('writes the HTML of a live preview before the PDF is printed; a one-off build writes them together', async () => {
  const cwd = project(1);
  const html = join(cwd, 'out', 'brief-0.html');
  const pdf = join(cwd, 'out', 'brief-0.pdf');
  // Whether the PDF was on disk when the HTML's `written` event came.
  let pdfWithHtml: boolean | undefined;
  const watch = watchBriefs({
    cwd,
    formats: ['md', 'html', 'pdf'],
    debounceMs: 10,
    onEvent: (event) => {
      if (event.type === 'written' && event.path === html) pdfWithHtml ??= existsSync(pdf);
    },
  });
  open.push(watch);
  await watch.ready;
  expect(await eventually(() => existsSync(pdf), watch.idle)).toBe(true);
  expect(pdfWithHtml).toBe(false);
  await watch.close();
  open = [];

  const { buildBriefs } = await import('../src/engine/build.js');
  let together: boolean | undefined;
  await buildBriefs({
    cwd,
    outDir: 'again',
    formats: ['md', 'html', 'pdf'],
    onEvent: (event) => {
      if (event.type === 'written' && event.path.endsWith('brief-0.html')) together ??= existsSync(join(cwd, 'again', 'brief-0.pdf'));
    },
  });
  expect(together).toBe(true);
  expect(readFileSync(html, 'utf8')).toBe(readFileSync(join(cwd, 'again', 'brief-0.html'), 'utf8'));
});
