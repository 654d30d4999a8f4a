/**
 * A small fixed pool of workers (child processes, worker-process.ts) for the CPU-bound part of a
 * build: parsing, rendering and the PDF finishing pass. Every task runs under the pool's limits
 * (worker-limits.ts): a worker whose task runs past the time limit is killed, one that reaches
 * its heap cap dies, and either way only that task fails (with a WorkerLimitError) and the worker
 * is replaced. Workers start on first use, are reused across tasks and builds (starting one costs
 * a process and the module load), and each runs one task at a time (with the next one waiting
 * in it when many are queued).
 */
import type { BriefJob, BriefJobResult } from '../brief-job.js';
import type { WorkerMessage, WorkerTask } from './brief-worker.js';
import { emptySlot, endTask, idleSlot, queueTask, slotBehind, startTask, type Pending, type PoolOptions, type Slot, type TaskInput } from './pool-types.js';
import { decodeError, decodeJobResult, type PlainJobResult } from './thread-codec.js';
import type { FinishedPdf, FinishOptions } from '../../pdf/finish.js';
import { WorkerLimitError, workerLimits, type WorkerLimits } from './worker-limits.js';

export type { PoolOptions } from './pool-types.js';
import { WorkerProcess } from './worker-process.js';

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly limits: WorkerLimits;
  private nextId = 0;
  private closed = false;

  /** A pool of at most `size` workers. */
  constructor(
    private capacity: number,
    readonly options: PoolOptions = {},
  ) {
    this.limits = workerLimits(options.limits);
  }

  /** At most how many workers the pool runs. */
  get size(): number {
    return this.capacity;
  }

  /** Lets the pool run up to `size` workers (a build taking an idle pool may want more than it has). */
  grow(size: number): void {
    this.capacity = Math.max(this.capacity, size);
  }

  /** Stops idle workers beyond `size` (at least one) and runs no more than that until grown again. */
  shrink(size: number): void {
    this.capacity = Math.max(1, Math.min(this.capacity, size));
    const spare = this.slots.filter((slot) => slot.current === null).slice(0, Math.max(0, this.slots.length - this.capacity));
    for (const slot of spare) this.retire(slot);
  }

  /** Starts every worker now, before any task: their module load then overlaps the caller's own. */
  warm(): void {
    while (this.slots.length < this.capacity) this.spawn().worker.hold(false);
  }

  /** Loads and renders one brief in a worker; a preview's job gives `onFirst` its HTML first (see runBriefJob). */
  async brief(job: BriefJob, onFirst?: (first: BriefJobResult) => void): Promise<BriefJobResult> {
    const first = onFirst && ((plain: unknown) => onFirst(decodeJobResult(plain as PlainJobResult)));
    return decodeJobResult((await this.run({ kind: 'brief', job }, first)) as PlainJobResult);
  }

  /** Runs the PDF finishing pass in a worker. */
  async finish(printed: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
    return (await this.run({ kind: 'finish', printed, options })) as FinishedPdf;
  }

  /** Whether no task is running or waiting (and the pool is open). */
  idle(): boolean {
    return !this.closed && this.queue.length === 0 && this.slots.every((slot) => slot.current === null);
  }

  /** Stops every worker; tasks still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('The worker pool was closed'));
    const slots = this.slots.splice(0);
    for (const slot of slots) clearTimeout(slot.clock);
    await Promise.all(slots.map((slot) => slot.worker.stop()));
  }

  private run(input: TaskInput, first?: (result: unknown) => void): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The worker pool was closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...input, id: this.nextId++ } as WorkerTask, resolve, reject, first });
      this.dispatch();
    });
  }

  /**
   * Gives queued tasks to idle workers, then, while more are queued than there are workers, one
   * more to each busy worker: it starts that one the moment it answers, instead of idling until
   * this thread (busy writing the last outputs) has read its answer and sent it another.
   */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((candidate) => candidate.current === null) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      const slot = idle ?? slotBehind(this.slots, this.queue.length);
      if (!slot) return;
      (idle ? startTask : queueTask)(slot, this.queue.shift()!);
      this.startClock(slot);
    }
  }

  /** Starts the current task's time limit once the worker is ready to run it. */
  private startClock(slot: Slot): void {
    if (!slot.ready || !slot.current || slot.clock) return;
    slot.clock = setTimeout(() => this.retire(slot, new WorkerLimitError('time', this.limits, slot.stage)), this.limits.maxSeconds * 1000);
  }

  private spawn(): Slot {
    const slot: Slot = idleSlot(
      new WorkerProcess(this.limits.maxMemoryMb, this.options.hook, {
        message: (message) => this.receive(slot, message),
        exit: ({ memory, description }) =>
          this.retire(slot, memory ? new WorkerLimitError('memory', this.limits, slot.stage) : new Error(`A build worker stopped (${description})`)),
      }),
    );
    this.slots.push(slot);
    return slot;
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.startClock(slot);
      this.dispatch();
      return;
    }
    const pending = slot.current;
    if (!pending || pending.task.id !== message.id) return;
    if (message.type === 'stage') {
      slot.stage = message.stage;
      return;
    }
    // Joined here, in the order the worker sent its pages: a page may use the fonts of the one before.
    if (message.type !== 'error' && pending.task.kind === 'brief') message.result = slot.fonts.joined(message.result as PlainJobResult);
    if (message.type === 'first') {
      pending.first?.(message.result);
      return;
    }
    endTask(slot);
    this.startClock(slot);
    if (message.type === 'error') pending.reject(decodeError(message.error));
    else pending.resolve(message.result);
    this.dispatch();
  }

  /** Takes a worker out of the pool (its task, if any, fails with `error`), stops it, and lets a fresh one take the queue. */
  private retire(slot: Slot, error = new Error('The worker was stopped')): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    // The task sent behind the failed one never started: another worker takes it.
    const unstarted = emptySlot(slot, error);
    if (unstarted) this.queue.unshift(unstarted);
    slot.worker.kill();
    if (!this.closed) this.dispatch();
  }
}
