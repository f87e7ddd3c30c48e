import { describe, expect, it } from 'vitest';
import { WorkshopImportSchema } from '../schema/export.js';
import { Workshop } from '../testkit.js';
import { fromImport } from './import.js';
import { toExport } from './json.js';

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
    const state = fromImport(parsed, { code: 'ZZZ999', facilitatorTokenHash: 'f', stageTokenHash: 'g', newId: () => 'unused' });
    if ('code' in state && 'message' in state) throw new Error(state.message);
    const second = toExport(state, 5);
    expect({ ...second, workshop: { ...second.workshop, code: 'x' } }).toEqual({ ...first, workshop: { ...first.workshop, code: 'x' } });
  });

  it('refuses an import whose references do not add up', () => {
    const { w } = finished();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const doc = JSON.parse(JSON.stringify(toExport(w.state, 0)));
    doc.votes[0].scenarioId = 'nope';
    const result = fromImport(WorkshopImportSchema.parse(doc), { code: 'ZZZ999', facilitatorTokenHash: 'f', stageTokenHash: 'g', newId: () => 'unused' });
    expect(result).toMatchObject({ code: 'INVALID' });
  });

  it('names participants only in named mode', () => {
    const { w } = finished();
    w.must('facilitator', { type: 'settings.update', namedExport: false });
    expect(toExport(w.state, 0).participants.map((p) => p.name)).toEqual([null, null]);
  });
});
