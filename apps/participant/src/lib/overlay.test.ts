import { describe, expect, it, vi } from 'vitest';
import type { CommandAck } from '@leadboard/core';
import { Overlay } from './overlay.js';

function deferred() {
  let resolve!: (ack: CommandAck) => void;
  const promise = new Promise<CommandAck>((r) => (resolve = r));
  return { promise, resolve };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Overlay', () => {
  it('keeps a value while its command travels, and ignores server changes until acknowledged', async () => {
    const overlay = new Overlay();
    const ack = deferred();
    overlay.track('place:s1', 'pl:s1.t1', { x: 0.2, y: 0.3 }, ack.promise);
    overlay.serverChanged(new Set(['pl:s1.t1']));
    expect(overlay.get('place:s1')).toEqual({ x: 0.2, y: 0.3 });
    expect(overlay.waiting('place:')).toEqual(['place:s1']);
    ack.resolve({ ok: true, result: {} });
    await flush();
    expect(overlay.waiting('place:')).toEqual([]);
    overlay.serverChanged(new Set(['pl:other']));
    expect(overlay.has('place:s1')).toBe(true);
    overlay.serverChanged(new Set(['pl:s1.t1']));
    expect(overlay.has('place:s1')).toBe(false);
  });

  it('drops a refused value at once', async () => {
    const overlay = new Overlay();
    const ack = deferred();
    overlay.track('vote:s1', 'v:me', { x: 1, y: 1 }, ack.promise);
    ack.resolve({ ok: false, error: { code: 'LOCKED', message: 'Time is up' } });
    await flush();
    expect(overlay.has('vote:s1')).toBe(false);
  });

  it('lets a newer value replace an older one, and the older acknowledgement not remove it', async () => {
    const overlay = new Overlay();
    const first = deferred();
    const second = deferred();
    overlay.track('vote:s1', 'v:me', 1, first.promise);
    overlay.track('vote:s1', 'v:me', 2, second.promise);
    first.resolve({ ok: false, error: { code: 'INVALID', message: 'x' } });
    await flush();
    expect(overlay.get('vote:s1')).toBe(2);
  });

  it('settles an acknowledged value whose change arrived first', async () => {
    vi.useFakeTimers();
    const overlay = new Overlay(1000);
    overlay.track('star:s1', 'st:me', true, Promise.resolve({ ok: true, result: {} }));
    await vi.advanceTimersByTimeAsync(10);
    expect(overlay.has('star:s1')).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(overlay.has('star:s1')).toBe(false);
    vi.useRealTimers();
  });

  it('drops every acknowledged value on a fresh snapshot', async () => {
    const overlay = new Overlay();
    const pending = deferred();
    overlay.track('a', 'v:me', 1, Promise.resolve({ ok: true, result: {} }));
    overlay.track('b', 'v:me', 2, pending.promise);
    await flush();
    overlay.serverChanged(null);
    expect([overlay.has('a'), overlay.has('b')]).toEqual([false, true]);
  });
});
