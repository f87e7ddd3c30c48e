import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { heldLatest } from '@leadboard/core';
import { describe, expect, it } from 'vitest';
import { BatchRun, type Pending } from './batch-run.js';
import type { Outcome } from './outcome.js';

function pending(name: string, answers: [string, Outcome][]): Pending {
  return {
    join: { name, tokenHash: `hash-of-${name}` },
    ctx: { now: 0, actor: { role: 'system' }, newId: () => name },
    ackKey: name,
    wide: false,
    origin: null,
    resolve: (outcome) => answers.push([name, outcome]),
  };
}

const ok: Outcome = { ok: true, result: {} };
const busy: Outcome = { ok: false, error: { code: 'UNAVAILABLE', message: 'busy' } };

describe('BatchRun', () => {
  it('carries only the items still waiting, and settles those once', () => {
    const answers: [string, Outcome][] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => pending(name, answers));
    const run = new BatchRun('ROOM', [a!, b!, c!]);
    run.answer(a!, ok);
    run.answer(c!, ok);
    expect(run.items.map((i) => i.ackKey)).toEqual(['b']);
    run.settle(busy);
    expect(run.items).toEqual([]);
    expect(answers).toEqual([['a', ok], ['c', ok], ['b', busy]]);
  });

  it('answers every item of a large batch exactly once', () => {
    const answers: [string, Outcome][] = [];
    const items = Array.from({ length: 500 }, (_, i) => pending(`item-${i}`, answers));
    const run = new BatchRun('ROOM', items);
    for (const item of items.slice(0, 499)) run.answer(item, ok);
    expect(run.items.map((i) => i.ackKey)).toEqual(['item-499']);
    run.settle(busy);
    expect(answers).toHaveLength(500);
    expect(new Set(answers.map(([name]) => name)).size).toBe(500);
  });

  it('is held as the latest through a full collection, and the one before it is let go', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const earlier = new WeakRef(new BatchRun('ROOM', []));
    const later = new WeakRef(new BatchRun('ROOM', []));
    // Until the current job ends V8 keeps every WeakRef's target: collect after it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(earlier.deref()).toBeUndefined();
    expect(later.deref()).toBeInstanceOf(BatchRun);
    expect(heldLatest('batch run')).toBe(later.deref());
  });
});
