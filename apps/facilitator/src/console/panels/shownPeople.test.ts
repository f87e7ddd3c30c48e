import { describe, expect, it } from 'vitest';
import type { Participant } from '@leadboard/core';
import { SHOWN_PER_GROUP, shownPeople } from './shownPeople.js';

const person = (i: number, name = `Person ${i}`): Participant =>
  ({ id: `p${i}`, name, teamId: null, status: 'active', joinedAt: i });

describe('the people a group shows', () => {
  const crowd = Array.from({ length: 100 }, (_, i) => person(i));

  it('draws the first rows of a big group and counts the rest', () => {
    const shown = shownPeople(crowd, '', false);
    expect(shown.people).toHaveLength(SHOWN_PER_GROUP);
    expect(shown.hidden).toBe(100 - SHOWN_PER_GROUP);
    expect(shownPeople(crowd, '', true)).toEqual({ people: crowd, hidden: 0 });
  });

  it('finds people by any part of their name, whatever the case', () => {
    const people = [...crowd, person(200, 'Ana Lima'), person(201, 'Ivana')];
    expect(shownPeople(people, ' ANA ', false).people.map((p) => p.name)).toEqual(['Ana Lima', 'Ivana']);
    expect(shownPeople(people, 'nobody here', false)).toEqual({ people: [], hidden: 0 });
  });
});
