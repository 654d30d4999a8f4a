/**
 * Entry point of a build worker thread: runs brief jobs (load and render) and PDF finishing
 * passes sent by the WorkerPool, one at a time, and posts each result back.
 */
import { parentPort } from 'node:worker_threads';
import { runBriefJob, type BriefJob } from './brief-job.js';
import { encodeError, encodeJobResult } from './thread-codec.js';
import type { FinishOptions } from '../pdf/finish.js';

export type WorkerTask =
  | { id: number; kind: 'brief'; job: BriefJob }
  | { id: number; kind: 'finish'; printed: Uint8Array; options: FinishOptions };

async function perform(task: WorkerTask): Promise<unknown> {
  if (task.kind === 'brief') return encodeJobResult(await runBriefJob(task.job));
  const { finishPdf } = await import('../pdf/finish.js');
  return finishPdf(task.printed, task.options);
}

parentPort?.on('message', (task: WorkerTask) => {
  perform(task).then(
    (result) => parentPort?.postMessage({ id: task.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: task.id, error: encodeError(error) }),
  );
});
