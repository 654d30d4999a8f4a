/**
 * The headless shell inside the npm package `@sparticuz/chromium`, unpacked once into a cache
 * directory. Only its binary is used — never its launch arguments, which are made for serverless
 * sandboxes and turn web security off. Its own unpacker writes to a shared /tmp path that a
 * second build can see half-written; this one writes to a private temp file and renames it into
 * place, which is atomic, so concurrent builds are safe without a lock.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { randomBytes } from 'node:crypto';

const require = createRequire(import.meta.url);

/** Where unpacked binaries are kept: $BRIEFSMITH_CACHE_DIR, $XDG_CACHE_HOME/briefsmith or ~/.cache/briefsmith. */
export function cacheDir(): string {
  if (process.env.BRIEFSMITH_CACHE_DIR) return process.env.BRIEFSMITH_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'briefsmith');
}

/** The package's directory and version, or null when the optional dependency is not installed. */
export function sparticuzPackage(): { dir: string; version: string } | null {
  if (process.platform !== 'linux' || (process.arch !== 'x64' && process.arch !== 'arm64')) return null;
  try {
    const manifest = require.resolve('@sparticuz/chromium/package.json');
    const { version } = require(manifest) as { version: string };
    return { dir: dirname(manifest), version };
  } catch {
    return null;
  }
}

/** Path of the unpacked binary, unpacking it first if needed; null when the package is absent. */
export async function sparticuzExecutable(): Promise<string | null> {
  const pkg = sparticuzPackage();
  if (!pkg) return null;
  const archive = join(pkg.dir, 'bin', 'chromium.br');
  if (!existsSync(archive)) return null;
  const target = join(cacheDir(), `sparticuz-chromium-${pkg.version}-${process.arch}`, 'chromium');
  if (existsSync(target)) return target;
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(temporary, { mode: 0o755 }));
    chmodSync(temporary, 0o755);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  return target;
}
