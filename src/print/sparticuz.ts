/**
 * The headless shell inside the npm package `@sparticuz/chromium`, unpacked once into a cache
 * directory. Only its binary is used — never its launch arguments, which are made for serverless
 * sandboxes and turn web security off. Its own unpacker writes to a shared /tmp path that a
 * second build can see half-written; this one writes to a private temp file and renames it into
 * place, which is atomic, so concurrent builds are safe without a lock.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, chmodSync } from 'node:fs';
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
  let dir: string;
  try {
    // The package does not export its package.json: resolve its entry and walk up to the manifest.
    dir = dirname(require.resolve('@sparticuz/chromium'));
  } catch {
    return null;
  }
  // Nested package.json files (build/cjs has one) only set the module type: find the real one.
  for (; dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name === '@sparticuz/chromium' && version) return { dir, version };
  }
  return null;
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
