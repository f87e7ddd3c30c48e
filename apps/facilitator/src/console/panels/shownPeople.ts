import type { Participant } from '@leadboard/core';

/**
 * Rows a group of the people panel draws before "Show all": a room of thousands would otherwise
 * draw a row (with its team menu and remove button) per person, and every change of team — Balance
 * teams moves everyone — would redraw them all.
 */
export const SHOWN_PER_GROUP = 40;

/** The people of a group the panel draws: those whose name holds `find`, the first SHOWN_PER_GROUP unless all are asked for. */
export function shownPeople(people: readonly Participant[], find: string, all: boolean): { people: Participant[]; hidden: number } {
  const needle = find.trim().toLocaleLowerCase();
  const matching = needle ? people.filter((p) => p.name.toLocaleLowerCase().includes(needle)) : [...people];
  if (all || matching.length <= SHOWN_PER_GROUP) return { people: matching, hidden: 0 };
  return { people: matching.slice(0, SHOWN_PER_GROUP), hidden: matching.length - SHOWN_PER_GROUP };
}
