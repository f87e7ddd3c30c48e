import { vi } from 'vitest';
import type { CommandAck, CommandDraft } from '@leadboard/core';
import type { SessionOptions } from '@leadboard/client';
import type { SessionHandle } from '../stores/room.js';

/** A stand-in for LiveSession: the test drives the sink and answers each command by hand. */
export class FakeSession implements SessionHandle {
  options: SessionOptions | null = null;
  sent: CommandDraft[] = [];
  private answers: ((ack: CommandAck) => void)[] = [];
  start = vi.fn();
  stop = vi.fn();
  wake = vi.fn();

  factory = (options: SessionOptions): SessionHandle => {
    this.options = options;
    return this;
  };

  get sink() {
    return this.options!.sink;
  }

  send(draft: CommandDraft): Promise<CommandAck> {
    this.sent.push(draft);
    return new Promise((resolve) => this.answers.push(resolve));
  }

  /** Answer the oldest unanswered command. */
  answer(ack: CommandAck = { ok: true, result: {} }): void {
    const resolve = this.answers.shift();
    if (!resolve) throw new Error('no command waiting');
    resolve(ack);
  }
}

/** A room store connected to a FakeSession and fed a workshop's snapshot. */
export async function connectedRoom(snapshot: import('@leadboard/core').Snapshot, role: 'facilitator' | 'stage' = 'facilitator') {
  const { useRoomStore } = await import('../stores/room.js');
  const { MemoryStorage } = await import('@leadboard/client');
  const fake = new FakeSession();
  const room = useRoomStore();
  room.connect({ code: 'ABC234', role, token: 'key', storage: new MemoryStorage(), createSession: fake.factory });
  fake.sink.snapshot(snapshot, { role, id: null, token: null });
  fake.sink.connection('live', null);
  return { fake, room };
}
