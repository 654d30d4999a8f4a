/** A worker's outbox: messages leave in the order posted, each made after the one before, and those made during a write leave together. */
import { describe, expect, it } from 'vitest';
import { type Batch, Outbox } from '../src/engine/threads/outbox.js';

type Message = { id: number };

/** An outbox whose writes finish when the test says (`finish`), recording what each write carried. */
function recorder() {
  const writes: Array<Message | Batch<Message>> = [];
  const pending: Array<() => void> = [];
  const outbox = new Outbox<Message>((message, done) => {
    writes.push(message);
    pending.push(done);
  });
  const finish = () => {
    for (const done of pending.splice(0)) done();
  };
  return { outbox, writes, finish };
}

/** Lets the outbox make and send what it can: its send waits for a turn of the event loop scheduled after the making. */
const turn = async () => {
  for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve));
};

describe('outbox', () => {
  it('sends a message alone when nothing else is made meanwhile, and settles once it has left', async () => {
    const { outbox, writes, finish } = recorder();
    let sent = false;
    const posted = outbox
      .post(() => ({ id: 1 }))
      .then(() => {
        sent = true;
      });
    await turn();
    expect(writes).toEqual([{ id: 1 }]);
    expect(sent).toBe(false);
    finish();
    await posted;
    expect(sent).toBe(true);
  });

  it('sends the messages made while a write is under way together, in the order posted', async () => {
    const { outbox, writes, finish } = recorder();
    const first = outbox.post(() => ({ id: 1 }));
    await turn();
    const later = [outbox.post(() => ({ id: 2 })), outbox.post(async () => ({ id: 3 })), outbox.post(() => ({ id: 4 }))];
    await turn();
    expect(writes).toEqual([{ id: 1 }]);
    finish();
    await first;
    await turn();
    expect(writes).toEqual([{ id: 1 }, { type: 'batch', messages: [{ id: 2 }, { id: 3 }, { id: 4 }] }]);
    finish();
    await Promise.all(later);
  });

  it('makes each message only once the one posted before it is made, however long that takes', async () => {
    const { outbox, writes, finish } = recorder();
    const made: number[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const posts = [
      outbox.post(async () => {
        await slow;
        made.push(1);
        return { id: 1 };
      }),
      outbox.post(() => {
        made.push(2);
        return { id: 2 };
      }),
    ];
    await turn();
    expect(made).toEqual([]);
    expect(writes).toEqual([]);
    release();
    await turn();
    expect(made).toEqual([1, 2]);
    expect(writes).toEqual([{ type: 'batch', messages: [{ id: 1 }, { id: 2 }] }]);
    finish();
    await Promise.all(posts);
  });

  it('goes on after a message that could not be made', async () => {
    const { outbox, writes, finish } = recorder();
    const failed = outbox.post(() => Promise.reject(new Error('no')));
    const next = outbox.post(() => ({ id: 2 }));
    await expect(failed).rejects.toThrow('no');
    await turn();
    expect(writes).toEqual([{ id: 2 }]);
    finish();
    await next;
  });
});
