import { createServer } from 'node:http';
import pino from 'pino';
import type { Actor } from '@leadboard/core';
import { createApp } from './app.js';
import { viewOf } from './rooms/views.js';
import { Limit } from './security/limits.js';
import { commandHandler } from './socket/commands.js';
import type { IoSocket } from './socket/types.js';
import { MemoryRoomStore } from './store/memory.js';
import type { RoomStore } from './store/types.js';

export interface RehearsalResult {
  /** The rehearsal workshop's code, deleted again by the end. */
  code: string;
  commands: number;
  /** Commands the rehearsal had refused: none, unless the workshop's rules changed under it. */
  refused: string[];
  ms: number;
}

type Answer = { ok: true } | { ok: false; error: { code: string } };

/**
 * A server just started runs its first workshop's code unoptimised: V8 compiles a function with
 * its optimising compiler only once it has run often, and in a room of thousands that happens
 * during the room's first vote burst, on the same two cores as the room. So before it takes
 * phones, the server rehearses a small workshop on a private instance of itself with an embedded
 * store of its own — joins, teams, drags, votes, the reveal, the spotlight — through the same
 * command handler, commit loop, reducer and broadcaster as a real room; nothing of it reaches the
 * real store or anyone's screen, and the workshop is deleted at the end.
 */
export async function rehearse(options: { people?: number; store?: RoomStore } = {}): Promise<RehearsalResult> {
  const started = performance.now();
  const people = options.people ?? 200;
  const app = createApp(createServer(), { store: options.store ?? new MemoryRoomStore(), log: pino({ level: 'silent' }) });
  const handle = commandHandler({ rooms: app.rooms, commandsPerSocket: new Limit({ burst: 1_000, perSecond: 1_000 }, { name: 'rehearsal' }) });
  const refused: string[] = [];
  let commands = 0;
  let sockets = 0;

  /** What the command handler reads of a joined connection. */
  const connection = (code: string, actor: Actor): IoSocket => {
    const actorKey = actor.role === 'participant' ? actor.participantId : actor.role;
    return { id: `rehearsal-${++sockets}`, data: { code, actor, actorKey } } as unknown as IoSocket;
  };
  const send = (socket: IoSocket, draft: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      commands++;
      void handle(socket, { id: `rehearsal-${commands}`, ...draft }, (answer: Answer) => {
        if (!answer.ok) refused.push(`${String(draft.type)}: ${answer.error.code}`);
        resolve();
      });
    });
  /** Everyone at once, as a room does after the facilitator moves it on. */
  const everyone = (each: (socket: IoSocket, i: number) => Promise<void>) => Promise.all(phones.map(each));

  const { code, state } = await app.rooms.create({ title: 'Rehearsal', teams: 4, deck: 8 });
  const facilitator = connection(code, { role: 'facilitator' });
  const teams = Object.keys(state.teams);
  const cards = Object.keys(state.scenarios);
  const phones: IoSocket[] = [];
  try {
    for (let i = 0; i < people; i++) {
      const joined = await app.rooms.join(code, { name: `Rehearsal ${i + 1}`, tokenHash: `rehearsal-${i}` });
      if (!joined.ok) throw new Error(`The rehearsal's join was refused: ${joined.error.code}`);
      const participantId = String((joined.result as { participantId: string }).participantId);
      phones.push(connection(code, { role: 'participant', participantId }));
      const room = await app.rooms.open(code);
      if (room) viewOf(room.state, { kind: 'participant', participantId });
    }
    await everyone((phone, i) => send(phone, { type: 'team.choose', teamId: teams[i % teams.length] }));
    await send(facilitator, { type: 'phase.set', phase: 'place' });
    for (let round = 0; round < 3; round++) {
      await everyone((phone, i) => send(phone, { type: 'placement.set', scenarioId: cards[(i + round) % cards.length], x: ((i * 7) % 100) / 100, y: ((i * 13 + round) % 100) / 100 }));
    }
    await send(facilitator, { type: 'phase.set', phase: 'vote' });
    for (let round = 0; round < 2; round++) {
      await everyone((phone, i) => send(phone, { type: 'vote.set', scenarioId: cards[(i + round) % cards.length], x: ((i * 11) % 100) / 100, y: ((i * 3 + round) % 100) / 100 }));
    }
    await send(facilitator, { type: 'votes.reveal', revealed: true });
    await send(facilitator, { type: 'phase.set', phase: 'discuss' });
    for (const card of cards) await send(facilitator, { type: 'spotlight.set', scenarioId: card });
  } finally {
    await app.rooms.delete(code);
    await app.shutdown();
  }
  return { code, commands, refused, ms: performance.now() - started };
}
