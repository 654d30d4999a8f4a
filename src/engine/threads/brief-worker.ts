/**
 * Entry point of a build worker process (worker-process.ts): runs brief jobs (load and render)
 * and PDF finishing passes sent by the WorkerPool over IPC, one at a time, and sends each result
 * back. It says when it is ready (its modules loaded) and which stage a task has reached, so the
 * pool starts a task's clock at the task, and a task stopped by a limit can say what it was doing.
 */
import { runBriefJob, type BriefJob } from '../brief-job.js';
import { encodeError, encodeJobResult, type PlainError, type PlainJobResult } from './thread-codec.js';
import { FontSender } from './shared-fonts.js';
import type { RenderedOutput } from '../brief-job-types.js';
import type { FinishOptions } from '../../pdf/finish.js';
import type { TaskStage } from './worker-limits.js';
import { watchParent } from './orphan-watch.js';

export type WorkerTask = { id: number; kind: 'brief'; job: BriefJob } | { id: number; kind: 'finish'; printed: Uint8Array; options: FinishOptions };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'stage'; id: number; stage: TaskStage }
  /** A preview's brief: its result with the HTML alone, ahead of the final `result` with the other formats. */
  | { type: 'first'; id: number; result: unknown }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: PlainError };

/** A module given to the pool's `hook` option (tests only). */
interface WorkerHook {
  beforeTask?: (task: WorkerTask) => void | Promise<void>;
}

const send = (message: WorkerMessage) => process.send?.(message);

const fonts = new FontSender();
/** A result as it crosses: its pages without the font rules sent before (shared-fonts.ts). */
const crossing = (result: PlainJobResult): PlainJobResult => ({ ...result, outputs: fonts.encode(result.outputs as RenderedOutput[]) });

/** Sends and waits until the message has left (the next task would hold the thread while it is still queued). */
const sendNow = (message: WorkerMessage) => new Promise<void>((resolve) => process.send?.(message, undefined, {}, () => resolve()) ?? resolve());

/** The result of one task. */
async function perform(task: WorkerTask): Promise<unknown> {
  const stage = (reached: TaskStage) => send({ type: 'stage', id: task.id, stage: reached });
  await hooks.beforeTask?.(task);
  if (task.kind === 'brief')
    return crossing(
      encodeJobResult(
        await runBriefJob(task.job, stage, (first) => sendNow({ type: 'first', id: task.id, result: crossing(encodeJobResult(first)) })),
        task.job.lean === true,
      ),
    );
  stage('finish');
  const { finishPdf } = await import('../../pdf/finish.js');
  return finishPdf(task.printed, task.options);
}

const hookAt = process.argv.indexOf('--hook');
const hooks: WorkerHook = hookAt === -1 ? {} : ((await import(process.argv[hookAt + 1]!)) as WorkerHook);

// One task at a time, in the order sent: the pool may send the next before this one has answered,
// and that one starts once the answer has left (sendNow).
let running: Promise<unknown> = Promise.resolve();
process.on('message', (task: WorkerTask) => {
  running = running.then(() =>
    perform(task).then(
      (result) => sendNow({ type: 'result', id: task.id, result }),
      (error: unknown) => sendNow({ type: 'error', id: task.id, error: encodeError(error) }),
    ),
  );
});
// The build went away (its channel closed): nothing is left to do.
process.on('disconnect', () => process.exit(0));
watchParent();
send({ type: 'ready' });
