import { describe, expect, it } from 'vitest';
import type { CommandDraft } from '../commands.js';
import { CommandSchema } from '../schema/commands.js';
import { diffParts, twoTeamsTwoCards, Workshop } from '../testkit.js';
import type { Actor, Ctx } from '../types.js';
import { apply } from './apply.js';
import { applyBatch, type BatchItem } from './batch.js';
import { joinParticipant } from './lifecycle.js';
import { Tx } from './tx.js';

/** Two people, two cards, voting. */
function room() {
  const world = twoTeamsTwoCards();
  world.w.phase('vote');
  return world;
}

describe('applyBatch', () => {
  it('gives the same states, outcomes and changes as applying one command after another', () => {
    const { w, ana, bob, s1, s2 } = room();
    let n = 0;
    const ctx = (actor: Actor, i: number): Ctx => ({ now: w.now + i, actor, newId: () => `b${++n}` });
    const steps: [Actor, CommandDraft | { join: string }][] = [
      [{ role: 'participant', participantId: ana }, { type: 'vote.set', scenarioId: s1, x: 0.2, y: 0.3 }],
      [{ role: 'participant', participantId: bob }, { type: 'vote.set', scenarioId: 'missing', x: 0.2, y: 0.3 }],
      [{ role: 'participant', participantId: bob }, { type: 'star.toggle', scenarioId: s2 }],
      [{ role: 'facilitator' }, { type: 'votes.reveal', revealed: true }],
      [{ role: 'participant', participantId: ana }, { type: 'vote.set', scenarioId: s2, x: 0.9, y: 0.9 }],
      [{ role: 'system' }, { join: 'Cleo' }],
      [{ role: 'participant', participantId: ana }, { type: 'phase.set', phase: 'ended' }],
      [{ role: 'facilitator' }, { type: 'phase.set', phase: 'discuss' }],
      [{ role: 'participant', participantId: bob }, { type: 'comment.add', scenarioId: s1, text: 'why?' }],
    ];
    const items: BatchItem[] = steps.map(([actor, step], i) =>
      'join' in step
        ? { join: { name: step.join, tokenHash: `hash-${step.join}` }, ctx: ctx(actor, i) }
        : { command: CommandSchema.parse({ id: `c${i}`, ...step }), ctx: ctx(actor, i) },
    );
    const frozen = JSON.stringify(w.state);
    const batch = applyBatch(w.state, items);
    expect(JSON.stringify(w.state)).toBe(frozen);

    n = 0;
    let state = w.state;
    const outcomes = items.map((item) => {
      const result = 'command' in item ? apply(state, item.command, item.ctx) : joinParticipant(state, item.join, item.ctx);
      if (!result.ok) return { ok: false, error: result.error };
      state = result.state;
      return { ok: true, result: result.result, changed: result.changed };
    });
    expect(batch.outcomes).toEqual(outcomes);
    expect(batch.outcomes.map((o) => o.ok)).toEqual([true, false, true, true, false, true, false, true, true]);
    expect(batch.state).toEqual(state);
    expect([...batch.changed].sort()).toEqual(diffParts(w.state, state));
  });

  it('keeps a full room full within one batch: a removal frees a seat, a rolled-back join takes none', () => {
    const w = new Workshop({ settings: { maxParticipants: 3 } });
    const one = w.join('One', null);
    let n = 0;
    const ctx = (actor: Actor): Ctx => ({ now: w.now, actor, newId: () => `f${++n}` });
    const join = (name: string, tokenHash = `hash-${name}`): BatchItem => ({ join: { name, tokenHash }, ctx: ctx({ role: 'system' }) });
    const items: BatchItem[] = [
      join('Two'),
      join('Again', 'hash-Two'),
      join('Three'),
      join('Four'),
      { command: CommandSchema.parse({ id: 'r', type: 'participant.remove', participantId: one }), ctx: ctx({ role: 'facilitator' }) },
      join('Five'),
      join('Six'),
    ];
    const batch = applyBatch(w.state, items);
    expect(batch.outcomes.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['ok', 'CONFLICT', 'ok', 'ROOM_FULL', 'ok', 'ok', 'ROOM_FULL']);
    expect(Object.values(batch.state.participants).filter((p) => p.status === 'active').map((p) => p.name)).toEqual(['Two', 'Three', 'Five']);
  });

  it('counts the people of a transaction once, and keeps the count through writes and rollbacks', () => {
    const w = new Workshop();
    w.join('One', null);
    const two = w.join('Two', null);
    const tx = new Tx(w.state, w.ctx({ role: 'system' }));
    expect(tx.activeCount()).toBe(2);
    tx.begin(w.ctx({ role: 'system' }));
    tx.put('participants', 'p3', { id: 'p3', name: 'Three', teamId: null, joinedAt: w.now, status: 'active' });
    tx.put('participants', two, { ...w.state.participants[two]!, status: 'left' });
    expect(tx.activeCount()).toBe(2);
    tx.rollback();
    expect(tx.activeCount()).toBe(2);
    tx.begin(w.ctx({ role: 'system' }));
    tx.put('participants', two, { ...w.state.participants[two]!, status: 'removed' });
    tx.commit();
    expect(tx.activeCount()).toBe(1);
    tx.begin(w.ctx({ role: 'system' }));
    tx.remove('participants', two);
    tx.put('participants', 'p4', { id: 'p4', name: 'Four', teamId: null, joinedAt: w.now, status: 'active' });
    tx.rollback();
    expect(tx.activeCount()).toBe(1);
  });

  it('counts the entries it copied: each collection written is copied whole, once per batch', () => {
    const { w, ana, bob, s1, s2 } = room();
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.1, y: 0.1 });
    w.must(bob, { type: 'vote.set', scenarioId: s1, x: 0.2, y: 0.2 });
    const votes = (participantId: string, i: number): BatchItem => ({
      command: CommandSchema.parse({ id: `v${i}`, type: 'vote.set', scenarioId: s2, x: 0.5, y: 0.5 }),
      ctx: w.ctx({ role: 'participant', participantId }),
    });
    // Two ballots' votes, copied once for both votes.
    expect(applyBatch(w.state, [votes(ana, 1), votes(bob, 2)]).copied).toBe(2);
    expect(applyBatch(w.state, [votes(ana, 1)]).copied).toBe(2);
  });

  it('returns the input state itself when nothing was applied', () => {
    const { w, bob } = room();
    const result = applyBatch(w.state, [{ command: CommandSchema.parse({ id: 'x', type: 'phase.set', phase: 'lobby' }), ctx: w.ctx({ role: 'participant', participantId: bob }) }]);
    expect(result.state).toBe(w.state);
    expect(result.changed).toEqual([]);
  });
});

describe('Tx rollback', () => {
  it('undoes every write of the current command, and keeps those of earlier ones', () => {
    const { w, ana } = room();
    const tx = new Tx(w.state, w.ctx({ role: 'system' }));
    tx.begin(w.ctx({ role: 'system' }));
    tx.put('participants', ana, { ...w.state.participants[ana]!, name: 'Kept' });
    tx.commit();
    tx.begin(w.ctx({ role: 'system' }));
    tx.put('participants', ana, { ...w.state.participants[ana]!, name: 'Gone' });
    tx.put('teams', 'new', { id: 'new', name: 'New', color: '#000000', order: 9 });
    tx.remove('teams', w.teamIds[0]!);
    tx.setMeta({ title: 'Changed' });
    tx.rollback();
    expect(tx.state.participants[ana]!.name).toBe('Kept');
    expect(tx.state.teams).toEqual(w.state.teams);
    expect(tx.state.meta).toBe(w.state.meta);
    expect([...tx.changed]).toEqual([`p:${ana}`]);
    expect(w.state.participants[ana]!.name).toBe('Ana');
  });
});
