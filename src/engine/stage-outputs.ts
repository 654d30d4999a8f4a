/**
 * A job's outputs written where they go, as temp files (BriefJob.stageIn): on a worker, the page
 * then never crosses to the build, which only renames it, and its hash is taken where its bytes
 * are. Writing, hashing and the crossing were most of the build's own work per cached brief.
 */
import { rmSync } from 'node:fs';
import { stageOwned } from '../io/contained.js';
import { outputSha256 } from '../render/font-splice.js';
import type { BriefJob, BriefJobResult, StagedOutput } from './brief-job-types.js';

/** A job's result with its outputs staged, and the same once they are on disk (`synced`: never rejects). */
export interface Staging {
  result: BriefJobResult;
  synced: Promise<BriefJobResult>;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** `result` failed as a write by the build would fail it (`renderError`), with no temp file left. */
function failed(result: BriefJobResult, staged: readonly StagedOutput[], error: unknown): BriefJobResult {
  for (const { temporary } of staged) rmSync(temporary, { force: true });
  return { ...result, outputs: [], staged: [], renderError: asError(error) };
}

/**
 * `result` with the outputs its job asked for staged in `job.stageIn` (nothing for a failed
 * render). The bytes are written at once and fsync'd in the background: `synced` is the result
 * once every file is on disk, or the brief failed (a full disk) with its temp files removed.
 */
export function stageOutputs(job: BriefJob, result: BriefJobResult): Staging {
  const outDir = job.stageIn;
  if (!outDir || !result.meta || result.templateError || result.renderError) return { result, synced: Promise.resolve(result) };
  const staged: StagedOutput[] = [];
  const syncing: Promise<void>[] = [];
  try {
    for (const { format, data, used } of result.outputs) {
      const { temporary, synced } = stageOwned(outDir, `${result.meta.id}.${format}`, data);
      staged.push({ format, used, temporary, bytes: data.byteLength, sha256: outputSha256(data) });
      syncing.push(synced);
    }
  } catch (error) {
    const failure = failed(result, staged, error);
    return { result: failure, synced: Promise.allSettled(syncing).then(() => failure) };
  }
  const done = { ...result, outputs: [], staged };
  return {
    result: done,
    synced: Promise.all(syncing).then(
      () => done,
      (error: unknown) => Promise.allSettled(syncing).then(() => failed(result, staged, error)),
    ),
  };
}
