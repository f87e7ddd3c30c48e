// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { snapshotFromWire } from '@leadboard/core';
import { Workshop } from '@leadboard/core/testkit';
import { emptyMirror } from '../mirror.js';
import { readTimer, useNow, useOnline, useRoomTimer } from './clock.js';

afterEach(() => vi.useRealTimers());

function discussing(seconds: number) {
  const w = new Workshop();
  w.phase('discuss');
  w.must('facilitator', { type: 'timer.start', seconds });
  return { ...emptyMirror(), view: snapshotFromWire(w.snapshot()).view, w };
}

describe('the room’s timer', () => {
  it('counts down on the server’s clock and locks when it runs out', () => {
    const mirror = discussing(60);
    // This device's clock is 5 s behind the server's.
    mirror.clockOffset = 5000;
    const local = mirror.w.now - 5000;
    expect(readTimer(mirror, local)).toMatchObject({ serverNow: mirror.w.now, left: 60_000, locked: false, status: 'running', fraction: 1 });
    expect(readTimer(mirror, local + 45_000)).toMatchObject({ left: 15_000, fraction: 0.25 });
    expect(readTimer(mirror, local + 59_999).locked).toBe(false);
    expect(readTimer(mirror, local + 60_000)).toMatchObject({ left: 0, locked: true, status: 'done' });
  });

  it('is idle, and nothing is locked, before a room is there', () => {
    expect(readTimer(emptyMirror(), 1000)).toEqual({ serverNow: 1000, timer: null, left: 0, locked: false, status: 'idle', fraction: 0 });
  });

  it('ticks while its scope lives, and stops with it', () => {
    const mirror = discussing(10);
    vi.useFakeTimers({ now: mirror.w.now });
    const scope = effectScope();
    const timer = scope.run(() => useRoomTimer(mirror, 500))!;
    expect(timer.left.value).toBe(10_000);
    vi.advanceTimersByTime(4000);
    expect(timer.left.value).toBe(6000);
    vi.advanceTimersByTime(6000);
    expect(timer.locked.value).toBe(true);
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the device', () => {
  it('knows the time, refreshed at the pace asked for', () => {
    vi.useFakeTimers({ now: 1000 });
    const scope = effectScope();
    const now = scope.run(() => useNow(30_000))!;
    vi.advanceTimersByTime(29_999);
    expect(now.value).toBe(1000);
    vi.advanceTimersByTime(1);
    expect(now.value).toBe(31_000);
    scope.stop();
  });

  it('follows the browser’s idea of the network until its scope ends', () => {
    const scope = effectScope();
    const online = scope.run(() => useOnline())!;
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    expect(online.value).toBe(false);
    scope.stop();
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(online.value).toBe(false);
    onLine.mockRestore();
  });
});
