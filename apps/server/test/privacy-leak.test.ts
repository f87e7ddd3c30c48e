import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedWorkshopSchema } from '@leadboard/core/schema';
import type { Delta } from '@leadboard/core';
import { createWorkshop, facilitatorOf, startServer, TestClient, type CreatedWorkshop, type TestServer } from './harness.js';

/**
 * The privacy model (docs/privacy.md) checked against everything that leaves the server: a whole
 * workshop in each mode, recording every message every role receives (events and acknowledgements)
 * and every export at every step, then looking for what the model says must not be there.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ limits: { commandsPerSecond: 10_000, commandBurst: 10_000 } });
});
afterAll(async () => {
  await server.close();
});

type Message = { event: string; payload: unknown };

interface Person {
  name: string;
  client: TestClient;
  id: string;
  token: string;
  ballot: string;
  /** Coordinates only this person voted, as every surface would print them. */
  dots: [number, number][];
}

interface ExportSet {
  step: string;
  revealed: boolean;
  files: Record<string, string>;
}

const SECRET = {
  hiddenCard: 'HIDDEN-CARD-TEXT',
  hiddenComment: 'HIDDEN-COMMENT-TEXT',
  anaCommits: 'ANA-COMMITS-TO-THIS',
  cleoSays: 'CLEO-SAYS-THIS',
  cleoCommits: 'CLEO-COMMITS-TO-THIS',
};

const FORMATS = ['format=json', 'format=csv', 'format=csv&table=votes', 'format=md', 'format=svg&votes=1'];

async function download(path: string, token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text() };
}

/** Every string an object holds directly (values and keys), with part keys split into their ids. */
function tokensOf(value: Record<string, unknown> | unknown[]): Set<string> {
  const out = new Set<string>();
  const add = (s: string) => {
    out.add(s);
    for (const piece of s.split(/[:.]/)) out.add(piece);
  };
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(value)) add(key);
    if (typeof item === 'string') add(item);
  }
  return out;
}

/** Paths of the objects (at any depth) that hold both a ballot and something that names its owner. */
function links(value: unknown, ballot: string, owner: string[], path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const here = tokensOf(value as Record<string, unknown>);
  const found = here.has(ballot) && owner.some((o) => here.has(o)) ? [path] : [];
  for (const [key, item] of Object.entries(value)) found.push(...links(item, ballot, owner, `${path}.${key}`));
  return found;
}

/** Lines of a text export that hold both a ballot and something that names its owner. */
function textLinks(text: string, ballot: string, owner: string[]): string[] {
  return text.split(/\r?\n/).filter((line) => line.includes(ballot) && owner.some((o) => line.includes(o)));
}

const json = (m: Message) => JSON.stringify(m.payload ?? null);
const printed = (dots: [number, number][]) => dots.flatMap(([x, y]) => [x.toFixed(3), y.toFixed(3)]);
/**
 * Whether a text holds a printed coordinate as a number of its own: an export's time
 * (`…T18:02:10.682Z`) holds "0.682" inside another number, which is no vote.
 */
const holds = (text: string, number: string) => new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?!\\d)`).test(text);

/** The messages a client received after it was told a part is gone; all of them if it never had the part. */
function afterGone(messages: Message[], key: string): Message[] {
  const told = messages.findIndex((m) => m.event === 'changed' && (m.payload as Delta).changes.some(([k, v]) => k === key && v === null));
  // Deltas carry whole values as of their seq: the one that says a part is gone holds nothing older.
  if (told >= 0) return messages.slice(told);
  const had = messages.filter((m) => json(m).includes(`"${key}"`));
  if (!had.length) return messages;
  // A removed participant is disconnected at once; what happened after needs no telling.
  if (messages.at(-1)?.event === 'farewell') return [];
  throw new Error(`a client that held ${key} was never told it is gone: ${had.map(json).join('\n')}`);
}

/** Non-null parts of a ballot in a message: its votes, stars, lens tags or reflection, or a comment it wrote. */
function ballotParts(m: Message, ballot: string): string[] {
  const found: string[] = [];
  const owned = new Set([`v:${ballot}`, `st:${ballot}`, `l:${ballot}`, `r:${ballot}`]);
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && owned.has(value[0]) && value[1] !== null) found.push(value[0]);
    if (!Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      if (record.author === ballot) found.push(`comment ${String(record.id)}`);
      for (const collection of ['votes', 'stars', 'lenses', 'reflections']) {
        const map = record[collection];
        if (map && typeof map === 'object' && ballot in map) found.push(`${collection}.${ballot}`);
      }
    }
    for (const item of Object.values(value)) walk(item);
  };
  walk(m.payload);
  return found;
}

async function runWorkshop(anonymous: boolean) {
  const workshop: CreatedWorkshop = await createWorkshop(server.url, { title: 'Leak hunt', teams: ['Owls', 'Larks'], anonymous });
  const { client: fac } = await facilitatorOf(server.url, workshop);
  const stage = new TestClient(server.url);
  await stage.mustJoin({ code: workshop.code, role: 'stage', token: workshop.stageToken });
  const join = async (name: string, dots: [number, number][]): Promise<Person> => {
    const client = new TestClient(server.url);
    const ack = await client.mustJoin({ code: workshop.code, role: 'participant', name });
    const id = ack.you.id!;
    return { name, client, id, token: ack.you.token!, ballot: ack.snapshot.view.ballots[id]!, dots };
  };
  const ana = await join('Ana Ng', [[0.137, 0.863], [0.211, 0.789]]);
  const bob = await join('Bob Ito', [[0.241, 0.759], [0.293, 0.707]]);
  const cleo = await join('Cleo Ruiz', [[0.318, 0.682], [0.347, 0.653]]);
  const people = [ana, bob, cleo];
  const view = async () => {
    const sync = await fac.sync();
    if (!sync.ok) throw new Error('sync refused');
    return sync.snapshot.view;
  };
  const teamIds = Object.keys((await view()).teams);
  await ana.client.must({ type: 'team.choose', teamId: teamIds[0]! });
  await bob.client.must({ type: 'team.choose', teamId: teamIds[1]! });
  await cleo.client.must({ type: 'team.choose', teamId: teamIds[0]! });

  const exports: ExportSet[] = [];
  const summaries: { step: string; revealed: boolean; text: string }[] = [];
  const snapshotExports = async (step: string) => {
    const sync = await fac.sync();
    if (!sync.ok) throw new Error('sync refused');
    const files: Record<string, string> = {};
    for (const query of FORMATS) {
      const res = await download(`/api/workshops/${workshop.code}/export?${query}`, workshop.facilitatorToken);
      expect(res.status, query).toBe(200);
      files[query] = res.text;
    }
    exports.push({ step, revealed: sync.snapshot.view.meta.revealed, files });
    const mine = await download(`/api/workshops/${workshop.code}/my-summary`, ana.token);
    if (mine.status === 200) summaries.push({ step, revealed: sync.snapshot.view.meta.revealed, text: mine.text });
  };
  const phase = (to: string) => fac.must({ type: 'phase.set', phase: to as never });

  await phase('scenarios');
  const card1 = String((await ana.client.must({ type: 'scenario.add', text: 'Ana writes a card' })).scenarioId);
  const card2 = String((await bob.client.must({ type: 'scenario.add', text: 'Bob writes a card' })).scenarioId);
  await fac.must({ type: 'scenarios.import', texts: [SECRET.hiddenCard] });
  const hiddenCard = Object.values((await view()).scenarios).find((s) => s.text === SECRET.hiddenCard)!.id;
  await fac.must({ type: 'scenario.hide', scenarioId: hiddenCard, hidden: true });
  await snapshotExports('scenarios');

  await phase('place');
  await ana.client.must({ type: 'placement.set', scenarioId: card1, x: 0.8, y: 0.8 });
  await bob.client.must({ type: 'placement.set', scenarioId: card2, x: 0.2, y: 0.2 });

  await phase('vote');
  for (const p of people) {
    await p.client.must({ type: 'vote.set', scenarioId: card1, x: p.dots[0]![0], y: p.dots[0]![1] });
    await p.client.must({ type: 'vote.set', scenarioId: card2, x: p.dots[1]![0], y: p.dots[1]![1] });
    await p.client.must({ type: 'star.toggle', scenarioId: card1 });
  }
  await snapshotExports('vote');

  await phase('discuss');
  await fac.must({ type: 'spotlight.set', scenarioId: card1 });
  await ana.client.must({ type: 'comment.add', scenarioId: card1, text: 'Ana thinks out loud' });
  await ana.client.must({ type: 'lens.tag', scenarioId: card1, lens: 'risk', on: true });
  const rude = String((await bob.client.must({ type: 'comment.add', scenarioId: card1, text: SECRET.hiddenComment })).commentId);
  await fac.must({ type: 'comment.hide', commentId: rude, hidden: true });
  await cleo.client.must({ type: 'comment.add', scenarioId: card1, text: SECRET.cleoSays });
  await cleo.client.must({ type: 'lens.tag', scenarioId: card1, lens: 'influence', on: true });
  await snapshotExports('discuss');

  await phase('conclude');
  await ana.client.must({ type: 'reflection.set', balance: 0.3, commitment: SECRET.anaCommits });
  await cleo.client.must({ type: 'reflection.set', balance: 0.7, commitment: SECRET.cleoCommits });
  await snapshotExports('conclude');

  await fac.must({ type: 'participant.remove', participantId: cleo.id });
  await snapshotExports('removed');
  const dan = await join('Dan Oyel', []);

  await phase('ended');
  await snapshotExports('ended');
  await phase('vote');
  await snapshotExports('back to vote');

  // Everyone still connected has heard everything before the records are read.
  const final = await fac.sync();
  if (!final.ok) throw new Error('sync refused');
  const listeners = [fac, stage, ana.client, bob.client, dan.client];
  const deadline = Date.now() + 10_000;
  while (!listeners.every((c) => c.deltas().some((d) => d.seq >= final.snapshot.seq))) {
    if (Date.now() > deadline) throw new Error('clients did not catch up');
    await new Promise((r) => setTimeout(r, 20));
  }
  const reimport = await fetch(`${server.url}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exports.find((e) => e.step === 'vote')!.files['format=json'],
  });
  expect(reimport.status).toBe(201);
  const copy = CreatedWorkshopSchema.parse(await reimport.json());
  const copyFiles: Record<string, string> = {};
  for (const query of FORMATS) copyFiles[query] = (await download(`/api/workshops/${copy.code}/export?${query}`, copy.facilitatorToken)).text;
  const revealedCopy = await fetch(`${server.url}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exports.find((e) => e.step === 'ended')!.files['format=json'],
  });
  const ended = CreatedWorkshopSchema.parse(await revealedCopy.json());
  const endedFiles: Record<string, string> = {};
  for (const query of FORMATS) endedFiles[query] = (await download(`/api/workshops/${ended.code}/export?${query}`, ended.facilitatorToken)).text;

  for (const c of [fac, stage, ...people.map((p) => p.client), dan.client]) c.close();
  return {
    fac: fac.received,
    stage: stage.received,
    people,
    dan,
    exports,
    summaries,
    copyFiles,
    endedFiles,
    revealedAtEnd: final.snapshot.view.meta.revealed,
    ids: { card1, hiddenCard, rude },
  };
}

describe.each([
  ['named', false],
  ['anonymous', true],
])('nothing leaks from a %s workshop', (_mode, anonymous) => {
  let run: Awaited<ReturnType<typeof runWorkshop>>;
  beforeAll(async () => {
    run = await runWorkshop(anonymous);
  }, 60_000);

  const others = (person: Person): [string, Message[]][] => [
    ['facilitator', run.fac],
    ['stage', run.stage],
    ...[...run.people, run.dan].filter((p) => p !== person).map((p): [string, Message[]] => [p.name, p.client.received]),
  ];

  it('shows nobody a vote or a star before the room’s reveal: no message, no export, no summary', () => {
    for (const voter of run.people) {
      const secret = printed(voter.dots);
      for (const [who, messages] of others(voter)) {
        // Snapshots hold the whole meta; a delta tells the field that changed.
        const revealedAt = messages.findIndex((m) => json(m).includes('"revealed":true') || json(m).includes('["m:revealed",true]'));
        const before = revealedAt < 0 ? messages : messages.slice(0, revealedAt);
        expect(before.length, who).toBeGreaterThan(0);
        for (const m of before) {
          for (const s of secret) expect(holds(json(m), s), `${who} got ${voter.name}'s ${s} in ${m.event}`).toBe(false);
          expect(ballotParts(m, voter.ballot).filter((p) => p.startsWith('v:') || p.startsWith('st:') || p.startsWith('votes') || p.startsWith('stars')), who).toEqual([]);
        }
      }
      for (const set of run.exports.filter((e) => !e.revealed)) {
        for (const [format, text] of Object.entries(set.files)) {
          for (const s of secret) expect(holds(text, s), `${set.step} ${format} has ${s}`).toBe(false);
        }
      }
      for (const summary of run.summaries.filter((s) => !s.revealed)) {
        for (const s of secret) expect(holds(summary.text, s), `summary at ${summary.step}`).toBe(false);
      }
      for (const [format, text] of Object.entries(run.copyFiles)) {
        for (const s of secret) expect(holds(text, s), `re-imported ${format}`).toBe(false);
      }
    }
    expect(run.exports.filter((e) => !e.revealed).map((e) => e.step)).toEqual(['scenarios', 'vote', 'discuss', 'conclude', 'removed']);
  });

  it('reveals by ending: the room saw the votes before any export holds them, and going back keeps them revealed', () => {
    expect(run.exports.filter((e) => e.revealed).map((e) => e.step)).toEqual(['ended', 'back to vote']);
    expect(run.revealedAtEnd).toBe(true);
    const ended = run.exports.find((e) => e.step === 'ended')!;
    expect(ended.files['format=csv&table=votes']).toContain(printed(run.people[0]!.dots)[0]);
    // The stage draws the votes; the other phones are told each card's crowd, counting them.
    expect(run.stage.some((m) => holds(json(m), printed(run.people[0]!.dots)[0]!))).toBe(true);
    const crowds = run.people[1]!.client.received.filter((m) => json(m).includes('"cr:'));
    expect(crowds.some((m) => /"votes":[1-9]/.test(json(m)))).toBe(true);
  });

  it('links a contribution to a person only where the model allows it', () => {
    for (const person of run.people) {
      const owner = [person.id, person.name];
      for (const [who, messages] of others(person)) {
        // A named workshop gives the link to the facilitator; an anonymous one to nobody but the person.
        if (who === 'facilitator' && !anonymous) continue;
        for (const m of messages) expect(links(m.payload, person.ballot, owner), `${who} can link ${person.name} in ${m.event}`).toEqual([]);
      }
      if (!anonymous) continue;
      for (const files of [...run.exports.map((e) => e.files), run.copyFiles, run.endedFiles]) {
        expect(links(JSON.parse(files['format=json']!), person.ballot, owner)).toEqual([]);
        for (const [format, text] of Object.entries(files)) expect(textLinks(text, person.ballot, owner), format).toEqual([]);
      }
      for (const summary of run.summaries) expect(textLinks(summary.text, person.ballot, owner)).toEqual([]);
    }
    // Contributions never carry a participant id, for anyone.
    const ids = new Set([...run.people, run.dan].map((p) => p.id));
    for (const messages of [run.fac, run.stage, ...run.people.map((p) => p.client.received)]) {
      for (const m of messages) {
        for (const key of ['v', 'st', 'l', 'r']) for (const id of ids) expect(json(m).includes(`"${key}:${id}"`)).toBe(false);
        for (const id of ids) expect(json(m).includes(`"author":"${id}"`)).toBe(false);
      }
    }
  });

  it('keeps hidden texts off every phone and the stage once hidden, and out of the readable exports', () => {
    const viewers: [string, Message[]][] = [['stage', run.stage], ...[...run.people, run.dan].map((p): [string, Message[]] => [p.name, p.client.received])];
    for (const [who, messages] of viewers) {
      for (const m of afterGone(messages, `s:${run.ids.hiddenCard}`)) expect(json(m).includes(SECRET.hiddenCard), who).toBe(false);
      for (const m of afterGone(messages, `c:${run.ids.rude}`)) expect(json(m).includes(SECRET.hiddenComment), who).toBe(false);
    }
    for (const messages of [run.dan.client.received]) {
      expect(messages.some((m) => json(m).includes(SECRET.hiddenCard) || json(m).includes(SECRET.hiddenComment))).toBe(false);
    }
    for (const set of run.exports) {
      for (const format of FORMATS.filter((f) => f !== 'format=json')) {
        expect(set.files[format]!.includes(SECRET.hiddenCard), `${set.step} ${format}`).toBe(false);
        if (set.step !== 'scenarios' && set.step !== 'vote') expect(set.files[format]!.includes(SECRET.hiddenComment), `${set.step} ${format}`).toBe(false);
      }
    }
    for (const summary of run.summaries) expect(summary.text.includes(SECRET.hiddenCard) || summary.text.includes(SECRET.hiddenComment)).toBe(false);
  });

  it('gives a commitment to its author and the facilitator only', () => {
    for (const [who, messages] of others(run.people[0]!).filter(([w]) => w !== 'facilitator')) {
      for (const m of messages) expect(json(m).includes(SECRET.anaCommits), who).toBe(false);
    }
    expect(run.fac.some((m) => json(m).includes(SECRET.anaCommits))).toBe(true);
    for (const summary of run.summaries) expect(summary.text.includes(SECRET.cleoCommits)).toBe(false);
  });

  it('takes what a removed person was and did off the other phones (named: their contributions too)', () => {
    const cleo = run.people[2]!;
    const removal = `p:${cleo.id}`;
    // Phones never hold anyone else's record, so her name never reaches them; the stage, which
    // greets people by name, is told she is gone.
    for (const phone of [run.people[0]!, run.people[1]!]) {
      for (const m of phone.client.received) expect(json(m).includes(cleo.name), phone.name).toBe(false);
    }
    const marker = (who: string) => (who === 'stage' || anonymous ? removal : `l:${cleo.ballot}`);
    for (const [who, messages] of [['stage', run.stage], ['Ana Ng', run.people[0]!.client.received], ['Bob Ito', run.people[1]!.client.received]] as const) {
      const after = afterGone(messages, marker(who));
      expect(after.length, who).toBeGreaterThan(0);
      for (const m of after) {
        expect(json(m).includes(cleo.name), who).toBe(false);
        if (!anonymous) {
          expect(json(m).includes(SECRET.cleoSays), who).toBe(false);
          expect(ballotParts(m, cleo.ballot), who).toEqual([]);
        }
      }
    }
    for (const m of run.dan.client.received) {
      expect(json(m).includes(cleo.name)).toBe(false);
      if (!anonymous) expect([json(m).includes(SECRET.cleoSays), ballotParts(m, cleo.ballot)]).toEqual([false, []]);
    }
    if (anonymous) return;
    const removedAt = run.fac.findIndex((m) => m.event === 'changed' && (m.payload as Delta).changes.some(([k, v]) => k === removal && (v as { status?: string } | null)?.status === 'removed'));
    expect(removedAt).toBeGreaterThanOrEqual(0);
    for (const m of run.fac.slice(removedAt + 1)) expect(ballotParts(m, cleo.ballot)).toEqual([]);
    for (const set of run.exports.filter((e) => ['removed', 'ended', 'back to vote'].includes(e.step))) {
      for (const [format, text] of Object.entries(set.files)) {
        expect(text.includes(SECRET.cleoSays) || text.includes(SECRET.cleoCommits), `${set.step} ${format}`).toBe(false);
      }
      const doc = JSON.parse(set.files['format=json']!) as Record<string, { ballot?: string; author?: string }[]>;
      for (const list of ['votes', 'stars', 'lensTags', 'reflections', 'comments']) {
        expect(doc[list]!.filter((item) => item.ballot === cleo.ballot || item.author === cleo.ballot), list).toEqual([]);
      }
    }
  });
});
