/**
 * `serveBriefs`: a preview server on 127.0.0.1 only. It watches and rebuilds like `watch`,
 * serves out/, reloads open HTML views when their brief's HTML is rewritten (reload-views.ts), lists the briefs at `/`,
 * and shows a broken brief's errors where its HTML would be.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { formats as allFormats, type Format } from '../render/formats.js';
import { watchBriefs, type WatchEvent, type WatchHandle, type WatchOptions } from '../watch/watch.js';
import { LiveReload, eventsPath, injectReload, newNonce } from './live-reload.js';
import { reloadViews } from './reload-views.js';
import { errorPage, indexPage } from './pages.js';
import { decodedPath, readInside, send, types } from './responses.js';

export interface ServeOptions extends WatchOptions {
  /** Port on 127.0.0.1 (default 4173; 0 picks a free one). */
  port?: number | undefined;
}

export interface ServeHandle {
  /** The address to open, e.g. http://127.0.0.1:4173/ */
  url: string;
  watch: WatchHandle;
  close(): Promise<void>;
}

/** What a request is answered from. */
interface ServedSite {
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  /** Null until the first build is done. */
  watch: WatchHandle | null;
  reload: LiveReload;
  /** `host:port` names a request may carry, once the port is known. */
  allowedHosts: ReadonlySet<string>;
}

/** Answers one request: the index, the event stream, a brief's error page, or a file of out/. */
async function handle(site: ServedSite, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { cwd, outDir, watch } = site;
  // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not read the briefs.
  if (!site.allowedHosts.has((request.headers.host ?? '').toLowerCase()))
    return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host header\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  const path = decodedPath(request.url ?? '/');
  if (path === null) return send(response, 400, 'text/plain; charset=utf-8', 'Bad request: malformed percent-encoding\n');
  if (path === eventsPath) return site.reload.attach(response);
  if (!watch) return send(response, 503, 'text/plain; charset=utf-8', 'Building the briefs; reload in a moment\n');
  if (path === '/' || path === '/index.html')
    return send(response, 200, types['.html']!, indexPage(watch.briefs(), watch.templateFiles(), site.formats, newNonce(), cwd));
  const file = resolve(outDir, `.${path}`);
  // Only files directly in out/, never a dot-file (temp files, the build cache).
  if (!file.startsWith(outDir + sep) || file.slice(outDir.length + 1).includes(sep) || path.includes('/.'))
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  const id = file.slice(outDir.length + 1, -extname(file).length);
  const brief = watch.briefs().find((status) => status.id === id);
  if (extname(file) === '.html' && brief && !brief.ok) return send(response, 200, types['.html']!, errorPage(brief, watch.templateFiles(), newNonce(), cwd));
  const data = await readInside(outDir, file);
  if (!data) return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  if (extname(file) === '.html') return send(response, 200, types['.html']!, injectReload(data.toString('utf8'), id, newNonce()));
  send(response, 200, types[extname(file)] ?? 'application/octet-stream', data);
}

/** The port `server` listens on at 127.0.0.1, once it does. */
async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** Starts watching and serving; resolves once the first build is done and the port is open. */
export async function serveBriefs(options: ServeOptions = {}): Promise<ServeHandle> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const reload = new LiveReload();
  const allowedHosts = new Set<string>();
  const formats = options.formats?.length ? options.formats : allFormats;
  const site: ServedSite = { cwd, outDir: resolve(cwd, options.outDir ?? 'out'), formats, watch: null, reload, allowedHosts };
  // Header and request timeouts so a client that never finishes its request cannot hold a socket
  // (or keep a stop waiting); checked every second.
  const server: Server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 }, (request, response) => {
    handle(site, request, response).catch((error: unknown) => send(response, 500, 'text/plain; charset=utf-8', `${(error as Error).message}\n`));
  });
  // The port first: a busy one ends the command before anything is built or printed.
  let port: number;
  try {
    port = await listen(server, options.port ?? 4173);
  } catch (error) {
    reload.close();
    throw error;
  }
  for (const host of ['127.0.0.1', 'localhost', '[::1]']) allowedHosts.add(`${host}:${port}`);
  let watch: WatchHandle | undefined;
  const reloads = reloadViews(reload, () => watch?.briefs() ?? []);
  try {
    watch = watchBriefs({
      ...options,
      cwd,
      onEvent(event: WatchEvent) {
        options.onEvent?.(event);
        reloads(event);
      },
    });
    await watch.ready;
  } catch (error) {
    // Nothing may keep serving (and the process running) without its watch.
    reload.close();
    server.close();
    await watch?.close();
    throw error;
  }
  site.watch = watch;
  const started = watch;
  return {
    url: `http://127.0.0.1:${port}/`,
    watch: started,
    async close() {
      reload.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Every socket, idle or holding a half-sent request, is closed now, not when its client leaves.
      server.closeAllConnections();
      await closed;
      await started.close();
    },
  };
}
