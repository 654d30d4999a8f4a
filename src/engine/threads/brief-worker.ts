/**
 * Entry point of a build worker process (worker-process.ts): runs brief jobs (load and render)
 * and PDF finishing passes sent by the WorkerPool over IPC, one at a time, and sends each result
 * back. It says when it is ready (its modules loaded) and which stage a task has reached, so the
 * pool starts a task's clock at the task, and a task stopped by a limit can say what it was doing.
 */
import { type BriefJob, type BriefJobResult, stageBriefJob } from '../brief-job.js';
import { encodeError, encodeJobResult, type PlainError, type PlainJobResult } from './thread-codec.js';
import { FontSender } from './shared-fonts.js';
import type { RenderedOutput } from '../brief-job-types.js';
import type { FinishOptions } from '../../pdf/finish.js';
import type { TaskStage } from './worker-limits.js';
import { watchParent } from './orphan-watch.js';
import { Outbox } from './outbox.js';

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

// Every message about a task leaves in the order the tasks came: a task whose outputs are still
// being synced to disk answers after the next one has started, and before it answers. `inTurn`
// settles once its message has left (a preview's HTML goes before the rest is rendered).
const outbox = new Outbox<WorkerMessage>((message, done) => process.send?.(message, undefined, {}, () => done()) ?? done());
const inTurn = (message: () => WorkerMessage | Promise<WorkerMessage>): Promise<void> => outbox.post(message);

/** One task's work, done when the thread is free for the next; `answer` settles once its result may go (its outputs on disk). */
async function perform(task: WorkerTask): Promise<{ answer: Promise<unknown> }> {
  const stage = (reached: TaskStage) => {
    // A task that has not said otherwise is parsing (worker-limits.ts): that message need not cross.
    if (reached !== 'parse') void inTurn(() => ({ type: 'stage', id: task.id, stage: reached }));
  };
  await hooks.beforeTask?.(task);
  if (task.kind === 'brief') {
    const first = (result: BriefJobResult) => inTurn(() => ({ type: 'first', id: task.id, result: crossing(encodeJobResult(result)) }));
    const { synced } = await stageBriefJob(task.job, stage, first);
    return { answer: synced.then((result) => crossing(encodeJobResult(result, task.job.lean === true))) };
  }
  stage('finish');
  const { finishPdf } = await import('../../pdf/finish.js');
  return { answer: Promise.resolve(await finishPdf(task.printed, task.options)) };
}

const hookAt = process.argv.indexOf('--hook');
const hooks: WorkerHook = hookAt === -1 ? {} : ((await import(process.argv[hookAt + 1]!)) as WorkerHook);

// One task's work at a time, in the order sent: the pool may send the next before this one has
// answered. Its answer takes its turn once the work is done, after the messages sent during it.
let running: Promise<unknown> = Promise.resolve();
process.on('message', (task: WorkerTask) => {
  const failed = (error: unknown): WorkerMessage => ({ type: 'error', id: task.id, error: encodeError(error) });
  running = running
    .then(() => perform(task))
    .then(
      ({ answer }) => void inTurn(() => answer.then((result): WorkerMessage => ({ type: 'result', id: task.id, result }), failed)),
      (error: unknown) => void inTurn(() => failed(error)),
    );
});
// The build went away (its channel closed): nothing is left to do.
process.on('disconnect', () => process.exit(0));
watchParent();
send({ type: 'ready' });
