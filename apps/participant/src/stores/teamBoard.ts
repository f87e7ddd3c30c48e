import { defineStore } from 'pinia';
import { computed } from 'vue';
import { partKey, placementKey, type CommandAck, type Placement, type Point, type Scenario } from '@leadboard/core';
import { useRoomStore } from './room.js';

/** The cards this participant's team places: its own scenarios and the shared ones, with where each sits. */
export const useTeamBoardStore = defineStore('teamBoard', () => {
  const room = useRoomStore();
  const teamId = computed(() => room.myTeam?.id ?? null);

  /** Own scenarios first, then the shared cards, each in the room's order. */
  const cards = computed<Scenario[]>(() => {
    const id = teamId.value;
    if (!id) return [];
    const own = room.visible.filter((s) => s.teamId === id);
    const shared = room.visible.filter((s) => s.teamId === null);
    return [...own, ...shared];
  });

  function placement(scenarioId: string, team = teamId.value): Placement | null {
    if (!team) return null;
    return room.view?.placements[placementKey(scenarioId, team)] ?? null;
  }

  /** Where the team's card is, including a move this phone has sent but not seen confirmed. */
  function position(scenarioId: string): Point | null {
    const key = `place:${scenarioId}`;
    if (room.overlay.has(key)) return room.overlay.get<Point>(key) ?? null;
    const p = placement(scenarioId);
    return p ? { x: p.x, y: p.y } : null;
  }

  const placed = computed(() => cards.value.filter((s) => position(s.id) !== null).length);

  function place(scenarioId: string, point: Point): Promise<CommandAck> {
    const team = teamId.value ?? '';
    const part = partKey('placements', placementKey(scenarioId, team));
    return room.sendShown(`place:${scenarioId}`, part, point, { type: 'placement.set', scenarioId, x: point.x, y: point.y });
  }

  return { teamId, cards, placed, placement, position, place };
});
