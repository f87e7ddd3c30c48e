import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { FakeRoom } from '../testing/fakeRoom.js';
import { useBallotStore } from './ballot.js';
import { useRoomStore } from './room.js';
import { useTeamBoardStore } from './teamBoard.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('votes, stars and placements as the phone shows them', () => {
  let room: FakeRoom;
  let ana: string;
  let ids: string[];

  beforeEach(() => {
    setActivePinia(createPinia());
    room = new FakeRoom();
    ana = room.join('Ana', 'Owls');
    room.remember(ana);
    room.facilitator({ type: 'scenarios.import', texts: ['One', 'Two', 'Three'] });
    ids = Object.keys(room.state.scenarios);
    room.facilitator({ type: 'settings.update', starBudget: 2 });
    room.facilitator({ type: 'phase.set', phase: 'vote' });
    useRoomStore().start({ code: room.code, role: 'participant' }, { storage: room.storage, connect: room.connect });
  });

  it('counts a dot at once, before the room has confirmed it, and keeps it once confirmed', async () => {
    const ballot = useBallotStore();
    void ballot.setVote(ids[0]!, { x: 0.7, y: 0.2 });
    expect(ballot.done).toBe(1);
    expect(ballot.vote(ids[0]!)).toEqual({ x: 0.7, y: 0.2 });
    expect(ballot.unsent).toBe(1);
    room.session!.answer();
    await tick();
    expect(ballot.unsent).toBe(0);
    expect(room.state.votes[room.state.ballots[ana]!]).toEqual({ [ids[0]!]: { x: 0.7, y: 0.2 } });
    expect(ballot.vote(ids[0]!)).toEqual({ x: 0.7, y: 0.2 });
  });

  it('takes a refused dot back', async () => {
    const ballot = useBallotStore();
    room.facilitator({ type: 'votes.reveal', revealed: true });
    const ack = ballot.setVote(ids[1]!, { x: 0.1, y: 0.1 });
    expect(ballot.done).toBe(1);
    room.session!.answer();
    expect((await ack).ok).toBe(false);
    expect(ballot.done).toBe(0);
  });

  it('spends stars within the budget, counting the ones still on their way', async () => {
    const ballot = useBallotStore();
    void ballot.toggleStar(ids[0]!);
    void ballot.toggleStar(ids[1]!);
    expect(ballot.starsLeft).toBe(0);
    expect([ballot.starred(ids[0]!), ballot.starred(ids[1]!), ballot.starred(ids[2]!)]).toEqual([true, true, false]);
    room.session!.answer();
    room.session!.answer();
    void ballot.toggleStar(ids[0]!);
    expect(ballot.starsLeft).toBe(1);
    room.session!.answer();
    await tick();
    expect(room.state.stars[room.state.ballots[ana]!]).toEqual([ids[1]]);
    expect(ballot.starsLeft).toBe(1);
  });

  it('moves a team card at once and follows a teammate’s move', async () => {
    room.facilitator({ type: 'phase.set', phase: 'place' });
    const bob = room.join('Bob', 'Owls');
    const board = useTeamBoardStore();
    expect(board.cards.map((s) => s.text)).toEqual(['One', 'Two', 'Three']);
    void board.place(ids[0]!, { x: 0.9, y: 0.9 });
    expect(board.position(ids[0]!)).toEqual({ x: 0.9, y: 0.9 });
    expect(board.placed).toBe(1);
    room.session!.answer();
    await tick();
    room.run({ role: 'participant', participantId: bob }, { type: 'placement.set', scenarioId: ids[0]!, x: 0.2, y: 0.3 });
    expect(board.position(ids[0]!)).toEqual({ x: 0.2, y: 0.3 });
    expect(board.placement(ids[0]!)?.by).toBe(bob);
  });
});
