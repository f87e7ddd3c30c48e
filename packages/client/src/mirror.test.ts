import { describe, expect, it } from 'vitest';
import type { RoomView, Snapshot } from '@leadboard/core';
import { emptyMirror, mirrorSink } from './mirror.js';

describe('mirrorSink', () => {
  it('keeps a mirror of the view, applying changes part by part', () => {
    const mirror = emptyMirror();
    const sink = mirrorSink(mirror);
    const view = { meta: { phase: 'lobby' }, teams: {}, participants: {}, scenarios: {}, placements: {}, votes: {}, stars: {}, comments: {}, lenses: {}, takeaways: {}, reflections: {} } as unknown as RoomView;
    sink.snapshot({ seq: 4, view, progress: { participants: 0 } as Snapshot['progress'], serverNow: Date.now() + 5000, expiresAt: 99 }, { role: 'participant', id: 'p1', token: null });
    sink.changes([['meta', { phase: 'vote' }], ['s:a', { id: 'a', text: 'x' }]], 5);
    sink.changes([['v:p1', { a: { x: 0.1, y: 0.2 } }]], null);
    sink.changes([['s:a', null]], 6);
    expect(mirror.view!.meta).toEqual({ phase: 'vote' });
    expect(mirror.view!.scenarios).toEqual({});
    expect(mirror.view!.votes.p1).toEqual({ a: { x: 0.1, y: 0.2 } });
    expect(mirror.seq).toBe(6);
    expect(mirror.expiresAt).toBe(99);
    expect(mirror.clockOffset).toBeGreaterThan(4000);
    sink.connection('ended', { code: 'REMOVED', message: 'bye' });
    expect(mirror).toMatchObject({ connection: 'ended', error: { code: 'REMOVED' } });
  });
});
