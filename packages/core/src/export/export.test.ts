import { describe, expect, it } from 'vitest';
import { WorkshopImportSchema } from '../schema/export.js';
import { Workshop } from '../testkit.js';
import { progress } from '../analytics.js';
import { visibleScenarios } from '../rules.js';
import { formatIssues } from '../schema/issues.js';
import { DeckFileSchema, toDeckFile } from './deck-file.js';
import { fromImport } from './import.js';
import { Refusal } from '../reducer/tx.js';
import { toExport } from './json.js';

const TARGET = { code: 'ZZZ999', facilitatorTokenHash: 'f', stageTokenHash: 'g', newId: () => 'unused', now: 9_000_000 };

function finished() {
  const w = new Workshop();
  const ana = w.join('Ana "the, one"', 0);
  const bob = w.join('Bob 🎉', 1);
  w.must('facilitator', { type: 'deck.add', deckIds: ['failed-audit'] });
  w.phase('scenarios');
  const s = w.addScenario(ana, '=HYPERLINK("http://x") <script>alert(1)</script>');
  w.phase('place');
  w.must(ana, { type: 'placement.set', scenarioId: s, x: 0.6, y: 0.7 });
  w.phase('vote');
  w.must(bob, { type: 'vote.set', scenarioId: s, x: 0.2, y: 0.3 });
  w.must(bob, { type: 'star.toggle', scenarioId: s });
  return { w, ana, bob, s };
}

describe('json export', () => {
  it('leaves hidden votes out until the reveal', () => {
    const { w } = finished();
    expect(toExport(w.state, 0)).toMatchObject({ votesIncluded: false, votes: [], stars: [] });
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    expect(toExport(w.state, 0).votes).toHaveLength(1);
  });

  it('round-trips through import with the same content', () => {
    const { w, ana, s } = finished();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    w.phase('discuss');
    w.must(ana, { type: 'comment.add', scenarioId: s, text: 'line one\nline two' });
    w.must(ana, { type: 'lens.tag', scenarioId: s, lens: 'influence', on: true });
    w.must('facilitator', { type: 'takeaway.set', scenarioId: s, text: 'Both' });
    w.phase('conclude');
    w.must(ana, { type: 'reflection.set', balance: 0.4, commitment: 'Ask why' });
    const first = toExport(w.state, 5);
    const parsed = WorkshopImportSchema.parse(JSON.parse(JSON.stringify(first)));
    const state = fromImport(parsed, TARGET);
    if (state instanceof Refusal) throw new Error(state.error.message);
    const second = toExport(state, 5);
    // The file's people took part in an earlier session: nobody holds their tokens in the new one.
    expect(second.participants.map((p) => p.status)).toEqual(['earlier', 'earlier']);
    const same = (doc: typeof first) => ({ ...doc, workshop: { ...doc.workshop, code: 'x' }, participants: doc.participants.map((p) => ({ ...p, status: 'x' })) });
    expect(same(second)).toEqual(same(first));
  });

  it('refuses an import whose references do not add up', () => {
    const { w } = finished();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const doc = JSON.parse(JSON.stringify(toExport(w.state, 0)));
    doc.votes[0].scenarioId = 'nope';
    const result = fromImport(WorkshopImportSchema.parse(doc), TARGET);
    expect(result).toBeInstanceOf(Refusal);
    expect((result as Refusal).error).toMatchObject({ code: 'INVALID' });
  });

  it('names participants only in named mode', () => {
    const { w } = finished();
    w.must('facilitator', { type: 'settings.update', namedExport: false });
    expect(toExport(w.state, 0).participants.map((p) => p.name)).toEqual([null, null]);
  });
});

describe('starting from a file', () => {
  it('reuses a workshop as a template: title, settings, teams and cards, numbered afresh, in the lobby, without people', () => {
    const { w } = finished();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const doc = WorkshopImportSchema.parse(JSON.parse(JSON.stringify(toExport(w.state, 0))));
    const state = fromImport(doc, TARGET, 'template');
    if (state instanceof Refusal) throw new Error(state.error.message);
    expect(state.meta).toMatchObject({ title: w.state.meta.title, phase: 'lobby', revealed: false, phaseLog: [{ phase: 'lobby', at: 9_000_000 }] });
    expect(Object.values(state.teams).map((t) => t.name)).toEqual(Object.values(w.state.teams).map((t) => t.name));
    expect(Object.values(state.scenarios).sort((a, b) => a.number - b.number).map((s) => [s.number, s.text])).toEqual(
      Object.values(w.state.scenarios).sort((a, b) => a.order - b.order).map((s, i) => [i + 1, s.text]),
    );
    for (const collection of ['participants', 'ballots', 'placements', 'votes', 'stars', 'comments', 'lenses', 'takeaways', 'reflections'] as const) {
      expect(state[collection], collection).toEqual({});
    }
  });

  it('keeps a continued workshop’s earlier people out of progress and team balancing', () => {
    const { w } = finished();
    const doc = WorkshopImportSchema.parse(JSON.parse(JSON.stringify(toExport(w.state, 0))));
    const state = fromImport(doc, TARGET, 'continue');
    if (state instanceof Refusal) throw new Error(state.error.message);
    expect(progress(state).participants).toBe(0);
    expect(Object.values(state.participants).every((p) => p.status === 'earlier')).toBe(true);
  });

  it('turns a workshop’s cards into a deck file that validates, and refuses a broken one naming what is wrong', () => {
    const { w } = finished();
    const deck = toDeckFile(w.state);
    expect(DeckFileSchema.parse(JSON.parse(JSON.stringify(deck))).cards.map((c) => c.text)).toEqual(visibleScenarios(w.state).map((s) => s.text));
    const broken = DeckFileSchema.safeParse({ format: 'leadboard.deck', version: 1, cards: [{ text: '' }] });
    expect(broken.success).toBe(false);
    if (!broken.success) expect(formatIssues(broken.error)).toBe('cards.0.text: must not be empty');
  });
});
