/** `briefsmith serve`: preview on http://127.0.0.1 with live reload; runs until Ctrl-C. */
import { serveBriefs } from '../../serve/server.js';
import { parseString, UsageError } from '../flags.js';
import { printRebuild, untilStopped, watchOptions } from './watch.js';

function parsePort(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a port number (0–65535), got \`${String(value)}\``);
  return port;
}

/** Serves until interrupted; a port in use is an environment error (exit 2). */
export async function runServe(paths: string[], flags: Record<string, unknown>): Promise<number> {
  const port = parsePort(flags.port);
  const options = await watchOptions(paths, flags);
  const server = await serveBriefs({ ...options, port, onEvent: printRebuild }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`Port ${port ?? 4173} is in use; pass --port <n> (or --port 0 for any free port)`);
    throw error;
  });
  process.stdout.write(`Serving ${parseString('out', flags.out) ?? 'out'}/ at ${server.url} (127.0.0.1 only); Ctrl-C stops.\n`);
  return untilStopped(server.watch, () => server.close());
}
