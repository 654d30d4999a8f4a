/** The pieces of a preview-server answer: request paths, files read only from inside out/, headers. */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { isInside } from '../io/contained.js';

/** Content types of what out/ holds. */
export const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The request path, percent-decoded; null when the encoding is malformed (`/%E0%A4%A`). */
export function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/** A regular file's bytes when its real path (through symlinks) is inside `folder`, else null. */
export async function readInside(folder: string, file: string): Promise<Buffer | null> {
  try {
    const real = await realpath(file);
    if (!isInside(await realpath(folder), real) || !(await stat(real)).isFile()) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}

/** Sends `body` uncached and with its type enforced (no sniffing). */
export function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}
