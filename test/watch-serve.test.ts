/** watch rebuilds what changed on the real file system; serve returns the HTML, the live-reload stream and error pages. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchBriefs, type WatchEvent, type WatchHandle } from '../src/watch/watch.js';
import { serveBriefs, type ServeHandle } from '../src/serve/server.js';
import { fixturesDir } from './helpers/fixtures.js';
import { problemsOf } from '../src/errors/format.js';

const minimal = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8');

function project(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-watch-'));
  mkdirSync(join(cwd, 'briefs'));
  writeFileSync(join(cwd, 'briefs', 'one.md'), minimal);
  writeFileSync(
    join(cwd, 'briefs', 'two.md'),
    minimal.replace('id: minimal-brief', 'id: second-brief').replace('title: A minimal brief', 'title: The second brief'),
  );
  return cwd;
}

/** Collects events and waits for the next one that matches. */
function recorder() {
  const events: WatchEvent[] = [];
  const waiters: Array<{ test: (event: WatchEvent) => boolean; done: (event: WatchEvent) => void }> = [];
  return {
    events,
    onEvent(event: WatchEvent) {
      events.push(event);
      for (const waiter of [...waiters])
        if (waiter.test(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.done(event);
        }
    },
    next(test: (event: WatchEvent) => boolean) {
      return new Promise<WatchEvent>((done) => waiters.push({ test, done }));
    },
  };
}
const rebuilt = (reason: string) => (event: WatchEvent) => event.type === 'rebuilt' && event.reason === reason;

let open: Array<WatchHandle | ServeHandle> = [];
afterEach(async () => {
  await Promise.all(open.map((handle) => handle.close()));
  open = [];
});

describe('watch', () => {
  it('rebuilds only the edited brief, every brief on a template change, and survives errors', async () => {
    const cwd = project();
    const record = recorder();
    const watch = watchBriefs({ cwd, formats: ['html', 'json'], onEvent: record.onEvent });
    open.push(watch);
    await watch.ready;
    expect(record.events.filter((event) => event.type === 'written')).toHaveLength(4);
    expect(readFileSync(join(cwd, 'out', 'minimal-brief.html'), 'utf8')).toContain('A minimal brief');

    const edited = record.next(rebuilt('brief'));
    writeFileSync(join(cwd, 'briefs', 'one.md'), minimal.replace('title: A minimal brief', 'title: An edited brief'));
    const briefEvent = await edited;
    expect(briefEvent.type === 'rebuilt' && briefEvent.rebuilt.map((status) => status.id)).toEqual(['minimal-brief']);
    expect(readFileSync(join(cwd, 'out', 'minimal-brief.html'), 'utf8')).toContain('An edited brief');

    const broken = record.next(rebuilt('brief'));
    writeFileSync(join(cwd, 'briefs', 'one.md'), minimal.replace('likelihood=likely', 'likelihood=probably'));
    const brokenEvent = await broken;
    expect(brokenEvent.type === 'rebuilt' && brokenEvent.rebuilt[0]).toMatchObject({ id: 'minimal-brief', ok: false });
    expect(readFileSync(join(cwd, 'out', 'minimal-brief.html'), 'utf8')).toContain('An edited brief');

    const templateChange = record.next(rebuilt('template'));
    mkdirSync(join(cwd, 'templates', 'partials', 'html'), { recursive: true });
    writeFileSync(join(cwd, 'templates', 'partials', 'html', 'timeline.hbs'), '<p class="my-timeline">{{items.length}} events</p>\n');
    const templateEvent = await templateChange;
    expect(templateEvent.type === 'rebuilt' && templateEvent.rebuilt.map((status) => status.id).sort()).toEqual(['minimal-brief', 'second-brief']);
    expect(readFileSync(join(cwd, 'out', 'second-brief.html'), 'utf8')).toContain('<p class="my-timeline">2 events</p>');
  });
});

function fetchText(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    get(url, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => {
          body += chunk;
        })
        .on('end', () => done({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    }).on('error', fail);
  });
}

describe('serve', () => {
  it('serves the HTML with a live-reload script, the event stream, an index and error pages', async () => {
    const cwd = project();
    const record = recorder();
    const server = await serveBriefs({ cwd, port: 0, formats: ['html', 'json'], onEvent: record.onEvent });
    open.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const html = await fetchText(`${server.url}minimal-brief.html`);
    expect(html.status).toBe(200);
    const nonce = /<script nonce="([^"]+)">/.exec(html.body)?.[1];
    expect(nonce).toBeTruthy();
    expect(html.body).toContain(`script-src 'nonce-${nonce}'; connect-src 'self'`);
    expect(html.body).toContain('new EventSource("/__briefsmith/events")');
    expect(readFileSync(join(cwd, 'out', 'minimal-brief.html'), 'utf8')).not.toContain('<script');

    const index = await fetchText(server.url);
    expect(index.body).toContain('<a href="/minimal-brief.html">A minimal brief</a>');
    expect(index.body).toContain('<a href="/second-brief.json">json</a>');
    expect((await fetchText(`${server.url}minimal-brief.json`)).type).toBe('application/json; charset=utf-8');
    expect((await fetchText(`${server.url}..%2Fbriefs%2Fone.md`)).status).toBe(404);

    // The event stream names the brief that was rebuilt.
    const message = new Promise<string>((done) => {
      get(`${server.url}__briefsmith/events`, (response) => {
        expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        response.setEncoding('utf8').on('data', (chunk: string) => {
          const data = /data: (.*)\n/.exec(chunk);
          if (data) {
            done(data[1]!);
            response.destroy();
          }
        });
        // Edit only once the stream is open.
        writeFileSync(
          join(cwd, 'briefs', 'two.md'),
          minimal.replace('id: minimal-brief', 'id: second-brief').replace('likelihood=likely', 'likelihood=probably'),
        );
      });
    });
    expect(await message).toBe('second-brief');

    const errors = await fetchText(`${server.url}second-brief.html`);
    expect(errors.status).toBe(200);
    expect(errors.body).toContain('cannot be built');
    expect(errors.body).toMatch(/briefs\/two\.md:\d+:\d+<\/code><\/td><td class="error">error<\/td><td>Unexpected `probably` for `likelihood`/);
    expect((await fetchText(server.url)).body).toMatch(/<a class="error" href="\/second-brief.html">1 error<\/a>/);
  });
});

describe('a broken template in watch and serve', () => {
  it('is reported once (not by the lint and again by each render), with the path every other message uses', async () => {
    const cwd = project();
    const partial = join(cwd, 'templates', 'partials', 'html', 'timeline.hbs');
    mkdirSync(join(cwd, 'templates', 'partials', 'html'), { recursive: true });
    writeFileSync(partial, '<ol>\n{{#each items}}\n  <li>{{date}}</li>\n</ol>\n');
    const record = recorder();
    const server = await serveBriefs({ cwd, port: 0, formats: ['html'], onEvent: record.onEvent });
    open.push(server);
    const lines = (event: WatchEvent | undefined) =>
      problemsOf(event?.type === 'rebuilt' ? event.files : []).map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.ruleId}`);
    expect(lines(record.events.find(rebuilt('start')))).toEqual(['templates/partials/html/timeline.hbs:2:1 template-error']);
    const page = (await fetchText(`${server.url}minimal-brief.html`)).body;
    expect(page.match(/is never closed/g)).toHaveLength(1);
    expect(page).toContain('templates/partials/html/timeline.hbs:2:1');

    // A field the lint reports is the same problem as the render's "not defined" on that line.
    const changed = record.next(rebuilt('template'));
    writeFileSync(partial, '<ol>\n{{#each items}}\n  <li>{{dat}}</li>\n{{/each}}\n</ol>\n');
    expect(lines(await changed)).toEqual(['templates/partials/html/timeline.hbs:3:9 template-unknown-field']);
  });
});
