/**
 * A worker's messages to its pool, in the order they were posted, each made once the one before
 * it is made: those made while a write is under way leave together, as one `batch` message, once
 * it is done. A cached brief's result and the next brief's stage are made within moments of each
 * other, and a write per message was a visible share of rebuilding it (bench/README.md).
 */

/** Several messages that left in one write, in the order they were made. */
export interface Batch<Message> {
  type: 'batch';
  messages: Message[];
}

export class Outbox<Message> {
  private made: Promise<unknown> = Promise.resolve();
  private readonly waiting: Array<{ message: Message; sent: () => void }> = [];
  private writing = false;
  private scheduled = false;

  /** `write` sends one message (or a batch) and calls `done` once it has left. */
  constructor(private readonly write: (message: Message | Batch<Message>, done: () => void) => void) {}

  /** Queues the message `make` gives, made after every message posted before it; settles once it has left (rejects when `make` does). */
  post(make: () => Message | Promise<Message>): Promise<void> {
    const message = this.made.then(make);
    this.made = message.catch(() => undefined);
    return message.then(
      (made) =>
        new Promise<void>((sent) => {
          this.waiting.push({ message: made, sent });
          this.schedule();
        }),
    );
  }

  // Sent on the next turn of the event loop, not at once: what is made meanwhile goes with it.
  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    this.writing = true;
    const message = batch.length === 1 ? batch[0]!.message : { type: 'batch' as const, messages: batch.map((entry) => entry.message) };
    this.write(message, () => {
      this.writing = false;
      for (const entry of batch) entry.sent();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
