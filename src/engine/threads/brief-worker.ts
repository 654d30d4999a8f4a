/**
 * Entry point of a build worker thread: runs brief jobs (load and render) and PDF finishing
 * passes sent by the WorkerPool, one at a time, and posts each result back.
 */
import { parentPort } from 'node:worker_threads';
import { runBriefJob, type BriefJob } from '../brief-job.js';
import { encodeError, encodeJobResult } from './thread-codec.js';
import type { FinishOptions } from '../../pdf/finish.js';

export type WorkerTask = { id: number; kind: 'brief'; job: BriefJob } | { id: number; kind: 'finish'; printed: Uint8Array; options: FinishOptions };

/** The result, and the buffers handed to the build's thread instead of copied. */
async function perform(task: WorkerTask): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  if (task.kind === 'brief') {
    const result = await runBriefJob(task.job);
    return { result: encodeJobResult(result), transfer: result.outputs.map((output) => output.data.buffer as ArrayBuffer) };
  }
  const { finishPdf } = await import('../../pdf/finish.js');
  return { result: await finishPdf(task.printed, task.options), transfer: [] };
}

parentPort?.on('message', (task: WorkerTask) => {
  perform(task).then(
    ({ result, transfer }) => parentPort?.postMessage({ id: task.id, result }, transfer),
    (error: unknown) => parentPort?.postMessage({ id: task.id, error: encodeError(error) }),
  );
});
