import { performance } from 'node:perf_hooks';
import { viewFromWire } from '@leadboard/core';
import { Phone } from './phone.js';
import type { Problems, Samples } from './stats.js';

/** One workshop under load: its facilitator, its phones, and what the phones were asked to do. */
export interface RoomRun {
  code: string;
  facilitatorToken: string;
  /** The server the room was created on (the facilitator's). */
  url: string;
  facilitator: Phone;
  phones: Phone[];
  teams: string[];
  /** Shared deck cards, which every team places. */
  cards: string[];
  /** The votes acknowledged, by participant id: what every phone must see after the reveal. */
  votes: Map<string, { scenarioId: string; x: number; y: number }>;
}

export interface RoomPlan {
  rooms: number;
  participantsPerRoom: number;
  teams: number;
  /** Participants connect to these servers in turn; facilitators to the first. */
  urls: string[];
  ordered: boolean;
  joinConcurrency: number;
}

/** Create every workshop over HTTP and connect its facilitator, adding each to `rooms` as it comes. */
export async function createRooms(plan: RoomPlan, problems: Problems, rooms: RoomRun[]): Promise<void> {
  const url = plan.urls[0]!;
  for (let r = 0; r < plan.rooms; r++) {
    const res = await fetch(`${url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Load ${r + 1}`, teams: plan.teams, deck: true }),
    });
    if (res.status !== 201) throw new Error(`creating a workshop failed: ${res.status} ${await res.text()}`);
    const { code, facilitatorToken } = (await res.json()) as { code: string; facilitatorToken: string };
    const facilitator = new Phone(url, plan.ordered);
    const room: RoomRun = { code, facilitatorToken, url, facilitator, phones: [], teams: [], cards: [], votes: new Map() };
    rooms.push(room);
    await facilitator.join({ code, role: 'facilitator', token: facilitatorToken });
    const view = facilitator.view!;
    room.teams = Object.values(view.teams).sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((t) => t.id);
    room.cards = Object.values(view.scenarios).filter((s) => s.teamId === null && !s.hidden).map((s) => s.id).sort();
    if (!room.teams.length || !room.cards.length) problems.add('workshop-without-teams-or-cards');
  }
}

/** Connect and join every participant, a bounded number at a time, rooms filling side by side. */
export async function joinAll(plan: RoomPlan, rooms: RoomRun[], acks: Samples, problems: Problems): Promise<void> {
  const queue: { room: RoomRun; index: number }[] = [];
  for (let index = 0; index < plan.participantsPerRoom; index++) for (const room of rooms) queue.push({ room, index });
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const { room, index } = queue[next++]!;
      const phone = new Phone(plan.urls[(index + 1) % plan.urls.length]!, plan.ordered);
      room.phones.push(phone);
      try {
        await phone.connected();
      } catch {
        problems.add('connect-failed');
        continue;
      }
      try {
        acks.add(await phone.join({ code: room.code, role: 'participant', name: `Phone ${index + 1}` }));
      } catch (error) {
        problems.add(/timeout/i.test(String(error)) ? 'ack-timeout' : 'join-refused');
      }
    }
  };
  await Promise.all(Array.from({ length: plan.joinConcurrency }, worker));
}

/** Every phone in the rooms, the facilitators included. */
export function everyone(rooms: RoomRun[]): Phone[] {
  return rooms.flatMap((room) => [room.facilitator, ...room.phones]);
}

/**
 * Wait until nothing has arrived for `quietMs` and, where seqs are promised, no client holds a
 * delta waiting for a gap to fill (phones are not sent seqs that carry nothing for them, such as
 * other people joining, so their seqs catch up with the facilitator's at the next change they see).
 * Returns false if that does not happen within the timeout.
 */
export async function settle(rooms: RoomRun[], ordered: boolean, quietMs = 150, timeoutMs = 30_000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  const phones = everyone(rooms);
  for (;;) {
    const now = performance.now();
    const quiet = phones.every((p) => now - p.lastDeltaAt >= quietMs);
    const level = !ordered || phones.every((p) => p.waiting === 0);
    if (quiet && level) return true;
    if (now > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Every phone's view, built from its snapshot and deltas, must equal a fresh snapshot from the server. */
export async function verifyViews(rooms: RoomRun[], problems: Problems, concurrency = 50): Promise<void> {
  const phones = everyone(rooms).filter((p) => p.view);
  let next = 0;
  const worker = async () => {
    while (next < phones.length) {
      const phone = phones[next++]!;
      // A phone the server dropped is already counted as disconnected: it has nothing to compare.
      if (!phone.socket.connected) continue;
      const ack = await phone.sync().catch(() => null);
      if (!ack?.ok) {
        problems.add('sync-failed');
        continue;
      }
      if (ack.snapshot.seq !== phone.seq) problems.add('seq-behind');
      if (!sameValue(phone.view, viewFromWire(ack.snapshot.view))) problems.add('view-diverged');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Close every connection and delete the workshops, so Redis keeps nothing of the run. */
export async function teardown(rooms: RoomRun[]): Promise<void> {
  for (const phone of everyone(rooms)) phone.close();
  for (const room of rooms) {
    await fetch(`${room.url}/api/workshops/${room.code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${room.facilitatorToken}` },
    }).catch(() => undefined);
  }
}
