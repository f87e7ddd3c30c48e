import { defineStore } from 'pinia';
import { computed } from 'vue';
import { partKey, type CommandAck, type Point } from '@leadboard/core';
import { useRoomStore } from './room.js';

/**
 * This participant's own votes and discuss stars, as they will be once what the phone has sent
 * arrives: a dot placed offline shows at once and counts towards "4 of 9 done".
 */
export const useBallotStore = defineStore('ballot', () => {
  const room = useRoomStore();
  const mine = computed(() => room.myBallot);
  const sheet = computed(() => (mine.value ? (room.view?.votes[mine.value] ?? {}) : {}));
  const myStars = computed(() => (mine.value ? (room.view?.stars[mine.value] ?? []) : []));
  const budget = computed(() => room.meta?.settings.starBudget ?? 0);
  const revealed = computed(() => room.meta?.revealed ?? false);

  function vote(scenarioId: string): Point | null {
    const key = `vote:${scenarioId}`;
    if (room.overlay.has(key)) return room.overlay.get<Point | null>(key) ?? null;
    return sheet.value[scenarioId] ?? null;
  }

  function starred(scenarioId: string): boolean {
    const key = `star:${scenarioId}`;
    if (room.overlay.has(key)) return room.overlay.get<boolean>(key) === true;
    return myStars.value.includes(scenarioId);
  }

  const done = computed(() => room.visible.filter((s) => vote(s.id) !== null).length);
  const starsSpent = computed(() => room.visible.filter((s) => starred(s.id)).length);
  const starsLeft = computed(() => Math.max(0, budget.value - starsSpent.value));
  const unsent = computed(() => room.overlay.waiting('vote:').length + room.overlay.waiting('star:').length);

  function part(): string {
    return partKey('votes', mine.value ?? '');
  }

  function setVote(scenarioId: string, point: Point): Promise<CommandAck> {
    return room.sendShown(`vote:${scenarioId}`, part(), point, { type: 'vote.set', scenarioId, x: point.x, y: point.y });
  }

  function clearVote(scenarioId: string): Promise<CommandAck> {
    return room.sendShown(`vote:${scenarioId}`, part(), null, { type: 'vote.clear', scenarioId });
  }

  function toggleStar(scenarioId: string): Promise<CommandAck> {
    const next = !starred(scenarioId);
    return room.sendShown(`star:${scenarioId}`, partKey('stars', mine.value ?? ''), next, { type: 'star.toggle', scenarioId });
  }

  return { budget, revealed, done, starsSpent, starsLeft, unsent, vote, starred, setVote, clearVote, toggleStar };
});
