/**
 * Live reload over server-sent events, and the rewriting that lets a served page use it. The
 * briefs' HTML forbids every script with its Content-Security-Policy; a served copy gets the
 * same policy plus a per-response nonce for the one reload script and `connect-src 'self'` for
 * its event stream. Files in out/ are never changed.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Where pages listen for rebuilds. */
export const eventsPath = '/__briefsmith/events';

/** The open event streams; `send` tells each which brief was rebuilt (`*` for all). */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();

  /** Keeps `response` open as an event stream. */
  attach(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  send(id: string): void {
    for (const client of this.clients) client.write(`data: ${id}\n\n`);
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

/** A fresh nonce for one response. */
export const newNonce = () => randomBytes(16).toString('base64');

/** The script a served page runs: reload when its brief (or everything) is rebuilt. */
export function reloadScript(nonce: string, id: string): string {
  return (
    `<script nonce="${nonce}">(() => { const id = ${JSON.stringify(id).replace(/</g, '\\u003c')}; ` +
    `const events = new EventSource(${JSON.stringify(eventsPath)}); ` +
    `events.onmessage = (event) => { if (event.data === '*' || event.data === id || id === '*') location.reload(); }; })();</script>`
  );
}

const cspMeta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(["'])(.*?)\1\s*\/?>/i;

/** The policy with the reload script and its event stream allowed. */
export function servedPolicy(policy: string, nonce: string): string {
  const directives = policy
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !/^(script-src|connect-src)\s/i.test(part));
  return [...directives, `script-src 'nonce-${nonce}'`, "connect-src 'self'"].join('; ');
}

/** A brief's HTML as served: policy rewritten, reload script added before `</body>`. */
export function injectReload(html: string, id: string, nonce: string): string {
  const rewritten = html.replace(
    cspMeta,
    (_, _quote: string, policy: string) => `<meta http-equiv="Content-Security-Policy" content="${servedPolicy(policy, nonce)}">`,
  );
  const script = reloadScript(nonce, id);
  const end = rewritten.lastIndexOf('</body>');
  return end === -1 ? `${rewritten}${script}` : `${rewritten.slice(0, end)}${script}\n${rewritten.slice(end)}`;
}
