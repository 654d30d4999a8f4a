/** Runs the built CLI (`bin/briefsmith.js`) as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './fixtures.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node bin/briefsmith.js ...args` in `cwd` (default: the repo). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'briefsmith.js'), ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
