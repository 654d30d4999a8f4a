/**
 * `serve` under hostile requests: only loopback Host names with the server's port (DNS
 * rebinding), malformed percent-encoding is a 400, files are served only from inside out/, and
 * closing drops every socket, even one holding a half-sent request.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveBriefs, type ServeHandle } from '../../src/serve/server.js';
import { makeProject, minimalBrief } from '../helpers/project.js';

let server: ServeHandle | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function get(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function start() {
  const outer = makeProject({ 'secret.txt': 'root:x:0:0\n' });
  const cwd = join(outer, 'project');
  mkdirSync(join(cwd, 'briefs'), { recursive: true });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(cwd, 'briefs/a.md'), minimalBrief);
  server = await serveBriefs({ cwd, port: 0, formats: ['html', 'json'] });
  return { cwd, outer, port: Number(new URL(server.url).port) };
}

describe('serve', () => {
  it('answers only loopback Host names with its own port', async () => {
    const { port } = await start();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect(await get(port, '/minimal-brief.json', host), host).toBe(200);
    for (const host of [`rebind.test:${port}`, 'localhost', `localhost:${port + 1}`, `127.0.0.1.rebind.test:${port}`])
      expect(await get(port, '/minimal-brief.json', host), host).toBe(403);
  });

  it('gives 400 for malformed percent-encoding and 404 for a symlink out of out/', async () => {
    const { cwd, outer, port } = await start();
    expect(await get(port, '/%E0%A4%A', `127.0.0.1:${port}`)).toBe(400);
    symlinkSync(join(outer, 'secret.txt'), join(cwd, 'out', 'leak.json'));
    expect(await get(port, '/leak.json', `127.0.0.1:${port}`)).toBe(404);
  });

  it('closes a socket holding a half-sent request when it stops', async () => {
    const { port } = await start();
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => undefined);
    await server!.close();
    server = undefined;
    await socketClosed;
    expect(socket.destroyed).toBe(true);
  });
});
