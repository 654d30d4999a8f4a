/**
 * A brief whose task a worker limit stopped, as the result of its job: one `resource-limit`
 * error at the top of the brief (a limit that fires mid-parse knows no better place) and no
 * model, so nothing of it is written and its old outputs stay.
 */
import { open } from 'node:fs/promises';
import { relative } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../errors/report.js';
import { decodeUtf8 } from '../../source/text.js';
import type { BriefJob, BriefJobResult } from '../brief-job.js';
import { unrendered } from '../brief-job-types.js';
import type { WorkerLimitError } from './worker-limits.js';

/** Enough of the brief for the code frame under a message at its first line. */
const frameBytes = 64 * 1024;

async function opening(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(frameBytes), 0, frameBytes, 0);
      return decodeUtf8(buffer.subarray(0, bytesRead)).text;
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/** The job's result when `error` stopped it. */
export async function limitResult(job: BriefJob, error: WorkerLimitError): Promise<BriefJobResult> {
  const file = new VFile({ path: relative(job.cwd, job.path) || job.path, value: await opening(job.path) });
  report(file, 'resource-limit', { line: 1, column: 1 }, { resource: error.resource, what: error.what, limit: error.limit, flag: error.flag });
  return {
    path: job.path,
    file,
    brief: null,
    meta: null,
    quotes: 0,
    quotesVerified: 0,
    id: undefined,
    idPlace: undefined,
    ...unrendered(),
    parsed: true,
  };
}
