import type { Language } from '../language.js';
import { Workshop } from '../testkit.js';

/** Test-only: 14 March 2025, 09:00 UTC. */
export const GOLDEN_START = Date.UTC(2025, 2, 14, 9, 0);
export const GOLDEN_EXPORTED_AT = Date.UTC(2025, 2, 14, 11, 42);

/**
 * Test-only: one complete workshop, driven through the real schema and reducer, with every kind of
 * hostile text a room can type (quotes, commas, newlines, emoji, markup, spreadsheet formulas) and
 * every board feature an export draws: team and shared cards, a card moved after discussion, a card
 * nobody placed, hidden text, a removed participant, stars, lenses, takeaways and reflections.
 */
export function goldenWorkshop(options: { reveal?: boolean; end?: boolean; anonymous?: boolean; language?: Language } = {}) {
  const w = new Workshop({
    title: 'Q3 offsite: "Ops & Strategy" <b>bold</b>',
    teams: ['Owls, "the wise"', 'Larks 🐦'],
    settings: { ...(options.anonymous ? { anonymous: true } : {}), ...(options.language ? { language: options.language } : {}) },
  });
  // The testkit's clock starts in 1970; give the workshop a real date so the reports read naturally.
  w.state = { ...w.state, meta: { ...w.state.meta, createdAt: GOLDEN_START, phaseLog: [{ phase: 'lobby', at: GOLDEN_START }] } };
  w.now = GOLDEN_START;
  const tick = () => (w.now += 60_000);

  const ana = w.join('Ana "the, one"', 0);
  const bob = w.join('Bob 🎉', 1);
  const eve = w.join('=HYPERLINK("http://evil.example","click")', 0);
  const dee = w.join('Dee <script>alert(1)</script>', 1);
  const zed = w.join('Zed', 0);
  tick();
  w.phase('framing');
  w.must('facilitator', { type: 'deck.add', deckIds: ['failed-audit'] });
  w.phase('scenarios');
  tick();
  const budget = w.addScenario(ana, 'Budget, overrun: "30%" over, and finance wants a plan by Friday');
  const formula = w.addScenario(bob, '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>');
  const markup = w.addScenario(eve, '[x](javascript:alert(1)) + @SUM(A1) -2 *bold* # heading | pipe');
  const morale = w.addScenario(dee, 'Morale after the reorg 🎉 is low & people whisper in corridors');
  const long = w.addScenario(zed, 'Our strongest engineer has started doing the minimum; in her one-to-one she says the work no longer stretches her, and two others are quietly interviewing elsewhere now.');
  const hidden = w.addScenario(ana, 'A card the facilitator hid: it must never reach an export');
  const unplaced = w.addScenario(bob, 'Nobody placed this one');
  w.must('facilitator', { type: 'scenario.hide', scenarioId: hidden, hidden: true });
  const audit = Object.values(w.state.scenarios).find((s) => s.deckId === 'failed-audit')!.id;

  tick();
  w.phase('place');
  w.must(ana, { type: 'placement.set', scenarioId: budget, x: 0.82, y: 0.31 });
  w.must(bob, { type: 'placement.set', scenarioId: formula, x: 0.2, y: 0.75 });
  w.must(eve, { type: 'placement.set', scenarioId: markup, x: 0.15, y: 0.12 });
  w.must(dee, { type: 'placement.set', scenarioId: morale, x: 0.35, y: 0.88 });
  w.must(zed, { type: 'placement.set', scenarioId: long, x: 0.62, y: 0.7 });
  w.must(ana, { type: 'placement.set', scenarioId: audit, x: 0.9, y: 0.45 });
  w.must(bob, { type: 'placement.set', scenarioId: audit, x: 0.7, y: 0.62 });

  tick();
  w.phase('vote');
  const dots: Record<string, [number, number][]> = {
    [budget]: [[0.8, 0.6], [0.7, 0.75], [0.85, 0.4], [0.6, 0.7], [0.75, 0.55]],
    [formula]: [[0.3, 0.8], [0.25, 0.7], [0.8, 0.3], [0.4, 0.9], [0.2, 0.6]],
    [markup]: [[0.1, 0.2], [0.2, 0.1], [0.15, 0.25], [0.3, 0.2], [0.2, 0.3]],
    [morale]: [[0.6, 0.85], [0.55, 0.9], [0.7, 0.8], [0.4, 0.95], [0.65, 0.75]],
    [long]: [[0.7, 0.8], [0.35, 0.85], [0.8, 0.65], [0.6, 0.9], [0.75, 0.7]],
    [audit]: [[0.9, 0.3], [0.85, 0.6], [0.6, 0.4], [0.95, 0.2], [0.8, 0.7]],
  };
  const people = [ana, bob, eve, dee, zed];
  for (const [scenarioId, points] of Object.entries(dots)) {
    points.forEach(([x, y], i) => w.must(people[i]!, { type: 'vote.set', scenarioId, x, y }));
  }
  w.must(ana, { type: 'star.toggle', scenarioId: formula });
  w.must(bob, { type: 'star.toggle', scenarioId: formula });
  w.must(dee, { type: 'star.toggle', scenarioId: long });
  w.must(zed, { type: 'star.toggle', scenarioId: budget });
  if (options.reveal !== false) w.must('facilitator', { type: 'votes.reveal', revealed: true });

  tick();
  w.phase('discuss');
  w.must('facilitator', { type: 'spotlight.set', scenarioId: formula });
  w.must(ana, { type: 'comment.add', scenarioId: formula, text: 'Line one, "quoted"\n=cmd|" /C calc"!A0' });
  w.must(dee, { type: 'comment.add', scenarioId: formula, text: '<img src=x onerror=alert(1)> and [a link](javascript:alert(2))' });
  const rude = String(w.must(eve, { type: 'comment.add', scenarioId: formula, text: 'A rude remark the facilitator hid' }).commentId);
  w.must('facilitator', { type: 'comment.hide', commentId: rude, hidden: true });
  w.must(ana, { type: 'lens.tag', scenarioId: formula, lens: 'influence', on: true });
  w.must(dee, { type: 'lens.tag', scenarioId: formula, lens: 'influence', on: true });
  w.must(dee, { type: 'lens.tag', scenarioId: formula, lens: 'risk', on: true });
  tick();
  w.must(bob, { type: 'placement.set', scenarioId: formula, x: 0.68, y: 0.78 });
  w.must('facilitator', { type: 'takeaway.set', scenarioId: formula, text: 'Both: *decide* the why,\nthen plan the how. <b>no html</b>' });
  w.must('facilitator', { type: 'spotlight.set', scenarioId: long });
  w.must(zed, { type: 'comment.add', scenarioId: long, text: 'She needs a stretch goal 🚀, not a process.' });
  w.must(zed, { type: 'lens.tag', scenarioId: long, lens: 'transformation', on: true });
  w.must('facilitator', { type: 'takeaway.set', scenarioId: long, text: 'Lead first; then manage the new assignment.' });

  tick();
  w.phase('conclude');
  w.must(ana, { type: 'reflection.set', balance: 0.25, commitment: 'Ask "why?" before every plan, twice.' });
  w.must(bob, { type: 'reflection.set', balance: 0.7, commitment: '=1+1 and <script>x</script>' });
  w.must(dee, { type: 'reflection.set', balance: 0.5 });
  w.must(eve, { type: 'reflection.set', balance: 0.9, commitment: 'Something the facilitator hid' });
  w.must('facilitator', { type: 'reflection.hide', ballot: w.state.ballots[eve]!, hidden: true });
  w.must('facilitator', { type: 'participant.remove', participantId: zed });
  if (options.end) {
    tick();
    w.phase('ended');
  }
  return { w, ids: { ana, bob, eve, dee, zed, budget, formula, markup, morale, long, hidden, unplaced, audit } };
}
