/** The shapes a WorkerPool keeps — its options, a task waiting for its answer, a worker's slot — a new slot, and a task's start and end on it. */
import type { WorkerTask } from './brief-worker.js';
import type { TaskStage, WorkerLimits } from './worker-limits.js';
import type { WorkerProcess } from './worker-process.js';
import { FontReceiver } from './shared-fonts.js';

/** A task without its id (Omit applied to each member of the union). */
export type TaskInput = WorkerTask extends infer Task ? (Task extends { id: number } ? Omit<Task, 'id'> : never) : never;

export interface PoolOptions {
  /** Time and memory per task (defaults in worker-limits.ts). */
  limits?: Partial<WorkerLimits> | undefined;
  /**
   * Tests only: the URL of a module whose `beforeTask(task)` each worker runs before a task (to
   * make one spin or allocate without end). Given explicitly, never read from the environment.
   */
  hook?: string | undefined;
}

export interface Pending {
  task: WorkerTask;
  /** A preview's brief task: gets the first part of its result (brief-worker.ts). */
  first?: ((result: unknown) => void) | undefined;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface Slot {
  worker: WorkerProcess;
  current: Pending | null;
  /** Whether the worker has loaded its modules: a task's clock starts then, not at spawn. */
  ready: boolean;
  stage: TaskStage | undefined;
  clock: NodeJS.Timeout | undefined;
  /** The font rules this worker sent last (shared-fonts.ts). */
  fonts: FontReceiver;
}

/** Gives `slot`'s worker the `pending` task (its clock starts once the worker is ready). */
export function startTask(slot: Slot, pending: Pending): void {
  slot.current = pending;
  slot.stage = undefined;
  slot.worker.hold(true);
  slot.worker.send(pending.task);
}

/** `slot`'s task has answered: its clock stops and the idle worker no longer keeps the process alive. */
export function endTask(slot: Slot): void {
  clearTimeout(slot.clock);
  slot.clock = undefined;
  slot.current = null;
  slot.worker.hold(false);
}

/** The slot of a worker just started: no task, not ready (its modules still loading). */
export function idleSlot(worker: WorkerProcess): Slot {
  return { worker, current: null, ready: false, stage: undefined, clock: undefined, fonts: new FontReceiver() };
}
