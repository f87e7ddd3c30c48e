import { describe, expect, it } from 'vitest';
import { coalescingWindow } from './broadcaster.js';

describe('coalescingWindow', () => {
  it('keeps the base window up to 1,000 phones, then grows in proportion up to 100 ms', () => {
    expect(coalescingWindow(40, 0)).toBe(40);
    expect(coalescingWindow(40, 1000)).toBe(40);
    expect(coalescingWindow(40, 1500)).toBe(60);
    expect(coalescingWindow(40, 2000)).toBe(80);
    expect(coalescingWindow(40, 10_000)).toBe(100);
  });

  it('never shortens a window set longer than the cap', () => {
    expect(coalescingWindow(150, 5000)).toBe(150);
  });
});
