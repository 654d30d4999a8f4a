/**
 * What every shard of one build must share, hashed: the tool version, the options that change
 * output bytes and the content of every template file that wins resolution. `briefsmith merge`
 * refuses shards whose fingerprints differ, as when one runner checked out a newer template.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { templateDirs } from '../render/template-files.js';
import { generator } from '../version.js';
import type { Format } from '../render/formats.js';
import { sha256 } from '../io/hash.js';
import { fieldsKey, type FieldDeclarations } from '../config/fields.js';

export interface FingerprintInput {
  cwd: string;
  templates?: string | undefined;
  formats: readonly Format[];
  paper?: string | undefined;
  site?: boolean | undefined;
  since?: string | undefined;
  fields?: FieldDeclarations | undefined;
}

function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** The winning template files, by `/`-separated relative name → sha256. */
function templateHashes(dirs: readonly string[]): Array<[string, string]> {
  const winners = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const name = relative(dir, file).split(sep).join('/');
      if (!winners.has(name)) winners.set(name, sha256(readFileSync(file)));
    }
  }
  return [...winners].sort(([left], [right]) => (left < right ? -1 : 1));
}

/** The previous publication `--since` names, by the content of its manifest. */
function sinceHash(cwd: string, since: string | undefined): string | null {
  if (since === undefined) return null;
  const path = resolve(cwd, since);
  const manifest = existsSync(path) && statSync(path).isDirectory() ? join(path, 'manifest.json') : path;
  return existsSync(manifest) ? sha256(readFileSync(manifest)) : since;
}

/** The build fingerprint of `input`. */
export function buildFingerprint(input: FingerprintInput): string {
  return sha256(
    JSON.stringify({
      generator,
      formats: [...input.formats].sort(),
      paper: input.paper ?? null,
      site: input.site === true,
      since: sinceHash(input.cwd, input.since),
      templates: templateHashes(templateDirs({ templates: input.templates, cwd: input.cwd })),
      ...(fieldsKey(input.fields) ? { fields: fieldsKey(input.fields) } : {}),
    }),
  );
}
