/**
 * serve reloads an open view as soon as its brief's new HTML is written — before the PDF is
 * printed — and once per save; a view of a brief with errors reloads when the rebuild ends.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { serveBriefs, type ServeHandle } from '../src/serve/server.js';
import type { WatchEvent } from '../src/watch/watch.js';
import { fixturesDir } from './helpers/fixtures.js';

const minimal = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8');

let open: ServeHandle[] = [];
afterEach(async () => {
  await Promise.all(open.map((handle) => handle.close()));
  open = [];
});

it('reloads a view when its HTML is written, before the PDF, once per save; a view with errors when the rebuild ends', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-reload-'));
  mkdirSync(join(cwd, 'briefs'));
  const brief = join(cwd, 'briefs', 'one.md');
  writeFileSync(brief, minimal);
  // What each reload message came before: the edit's PDF being written, the rebuild's end.
  const state = { pdf: false, rebuilt: false };
  const messages: Array<{ id: string; pdf: boolean; rebuilt: boolean }> = [];
  let rebuilt: (() => void) | undefined;
  const server = await serveBriefs({
    cwd,
    port: 0,
    formats: ['html', 'pdf'],
    onEvent: (event: WatchEvent) => {
      if (event.type === 'written' && event.format === 'pdf') state.pdf = true;
      if (event.type === 'rebuilt' && event.reason === 'brief') {
        state.rebuilt = true;
        // The last reload message may still be on its way over the socket.
        setTimeout(() => rebuilt?.(), 300);
      }
    },
  });
  open.push(server);
  await new Promise<void>((connected) => {
    get(`${server.url}__briefsmith/events`, (response) => {
      connected();
      response.setEncoding('utf8').on('data', (chunk: string) => {
        for (const [, id] of chunk.matchAll(/data: (.*)\n/g)) messages.push({ id: id!, ...state });
      });
    });
  });
  const save = async (text: string) => {
    Object.assign(state, { pdf: false, rebuilt: false });
    messages.length = 0;
    const done = new Promise<void>((resolve) => {
      rebuilt = resolve;
    });
    writeFileSync(brief, text);
    await done;
    return [...messages];
  };

  expect(await save(minimal.replace('title: A minimal brief', 'title: Retitled'))).toEqual([{ id: 'minimal-brief', pdf: false, rebuilt: false }]);
  const broken = minimal.replace(/^date: .*$/m, 'date: someday');
  expect(await save(broken)).toEqual([{ id: 'minimal-brief', pdf: false, rebuilt: true }]);
  // Its view shows the errors: it reloads once the rebuild says they are gone.
  expect(await save(minimal)).toEqual([{ id: 'minimal-brief', pdf: true, rebuilt: true }]);
}, 60_000);
