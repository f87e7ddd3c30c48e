import { describe, expect, it } from 'vitest';
import type { RoomView } from '@leadboard/core';
import { voteCloud } from './cloud.js';

const person = (id: string, status: 'active' | 'removed' | 'left' = 'active') => ({ id, name: id, teamId: null, joinedAt: 0, status });

describe('voteCloud', () => {
  it('collects every dot for a card, puts the viewer’s own last, and skips removed people', () => {
    const view = {
      participants: { me: person('me'), a: person('a'), gone: person('gone', 'removed'), left: person('left', 'left') },
      votes: {
        me: { s1: { x: 0.8, y: 0.8 } },
        a: { s1: { x: 0.2, y: 0.4 }, s2: { x: 1, y: 1 } },
        gone: { s1: { x: 0, y: 0 } },
        left: { s1: { x: 0.5, y: 0.6 } },
      },
    } as unknown as RoomView;
    const cloud = voteCloud(view, 's1', 'me');
    expect(cloud.dots.map((d) => [d.id, d.mine])).toEqual([['a', false], ['left', false], ['me', true]]);
    expect(cloud.centre).toEqual({ x: 0.5, y: 0.6 });
    expect(cloud.spread).toBeGreaterThan(0);
  });

  it('is empty for a card nobody voted on', () => {
    const view = { participants: {}, votes: {} } as unknown as RoomView;
    expect(voteCloud(view, 's1', null)).toEqual({ dots: [], centre: null, spread: 0 });
  });
});
