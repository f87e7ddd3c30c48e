import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { ballotOwner, conclusion, discussionQueue, scenarioStats, type Participant, type Role, type Scenario } from '@leadboard/core';
import { useRoomBase, type ConnectOptions } from '@leadboard/client/vue';

export type ConsoleConnect = Omit<ConnectOptions, 'role' | 'token'> & { role: Extract<Role, 'facilitator' | 'stage'>; token: string };

/** One workshop as the console, the stage or the report sees it: the live room, and what they derive from it. */
export const useRoomStore = defineStore('room', () => {
  const base = useRoomBase();
  const { view, meta } = base;
  /** The facilitator's key (or the stage's): exports and deletion send it. */
  const token = ref('');

  function connect(options: ConsoleConnect): void {
    token.value = options.token;
    base.connect(options);
  }

  const byJoining = (a: Participant, b: Participant) => a.joinedAt - b.joinedAt;
  /** People of the earlier session a continued workshop was started from. */
  const earlier = computed<Participant[]>(() => (view.value ? Object.values(view.value.participants).filter((p) => p.status === 'earlier').sort(byJoining) : []));
  /** People the facilitator removed: their removal can be undone. */
  const removed = computed<Participant[]>(() => (view.value ? Object.values(view.value.participants).filter((p) => p.status === 'removed').sort(byJoining) : []));

  /** Active people by team id; `null` holds those without a team. */
  const members = computed(() => {
    const map = new Map<string | null, Participant[]>([[null, []]]);
    for (const team of base.teams.value) map.set(team.id, []);
    for (const person of base.people.value) {
      const key = person.teamId && map.has(person.teamId) ? person.teamId : null;
      map.get(key)!.push(person);
    }
    return map;
  });

  /** Every scenario the facilitator may see, hidden ones included, in the order written. */
  const scenarios = computed<Scenario[]>(() => (view.value ? Object.values(view.value.scenarios).sort((a, b) => a.order - b.order) : []));
  const stats = computed(() => (view.value ? scenarioStats(view.value) : []));
  const queue = computed(() => discussionQueue(stats.value));
  const summary = computed(() => (view.value ? conclusion(view.value, stats.value) : null));
  const spotlight = computed(() => {
    const id = meta.value?.spotlight;
    return id ? (view.value?.scenarios[id] ?? null) : null;
  });

  /** Who is behind a ballot: a name in a named workshop, null in an anonymous one (the view holds no link). */
  function authorOf(ballot: string): string | null {
    return view.value ? (ballotOwner(view.value, ballot)?.name ?? null) : null;
  }

  return { ...base, token, connect, earlier, removed, members, scenarios, stats, queue, summary, spotlight, authorOf };
});
