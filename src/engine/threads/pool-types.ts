/** The shapes a WorkerPool keeps — its options, a task waiting for its answer, a worker's slot — a new slot, and a task's start, end and failure on it. */
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
  /** The task sent behind the current one: the worker starts it as soon as it has answered (WorkerPool `dispatch`). */
  next: Pending | null;
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

/** A ready worker to send one more task to, while more are queued (`queued`) than there are workers. */
export function slotBehind(slots: readonly Slot[], queued: number): Slot | undefined {
  return queued >= slots.length ? slots.find((slot) => slot.ready && slot.next === null) : undefined;
}

/** Sends `pending` to a busy worker, to run once its current task has answered. */
export function queueTask(slot: Slot, pending: Pending): void {
  slot.next = pending;
  slot.worker.send(pending.task);
}

/** `slot`'s task has answered: its clock stops, the task behind it (if any) is current, and an idle worker no longer keeps the process alive. */
export function endTask(slot: Slot): void {
  clearTimeout(slot.clock);
  slot.clock = undefined;
  slot.current = slot.next;
  slot.next = null;
  slot.stage = undefined;
  if (!slot.current) slot.worker.hold(false);
}

/** The slot of a worker just started: no task, not ready (its modules still loading). */
export function idleSlot(worker: WorkerProcess): Slot {
  return { worker, current: null, next: null, ready: false, stage: undefined, clock: undefined, fonts: new FontReceiver() };
}

/** Fails `slot`'s task with `error` and empties the slot; returns the task sent behind it, which never started. */
export function emptySlot(slot: Slot, error: Error): Pending | null {
  clearTimeout(slot.clock);
  slot.current?.reject(error);
  const unstarted = slot.next;
  slot.current = null;
  slot.next = null;
  return unstarted;
}
