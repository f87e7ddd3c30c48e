import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Cluster, Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { crowdOf, type Crowd } from '@leadboard/core';
import { serveHarness } from './ipc.js';

/**
 * The control: plain Socket.IO on the same transport and settings, with no validation, no reducer
 * and no store. It keeps only what it must echo, and sends the messages Leadboard sends for the
 * same steps — a snapshot on join, deltas coalesced per room (first one at once, then at most one
 * per 40 ms), counts every 250 ms (to the phones only when the ones they show change), and on reveal each card's crowd (core's `crowdOf`) to the phones
 * and every vote to the facilitator; like Leadboard, it tells the phones of a join or a team choice
 * only through the counts, and the facilitator through a delta — so a ratio to it is Leadboard's
 * own cost.
 */
const { values: args } = parseArgs({ options: { teams: { type: 'string', default: '4' }, cards: { type: 'string', default: '14' }, nodes: { type: 'string', default: '1' } } });
const TEAMS = Number(args.teams);
const CARDS = Number(args.cards);
/** The server processes of the run: a reveal waits for the votes of the others. */
const NODES = Number(args.nodes);
const WINDOW_MS = 40;
const PROGRESS_MS = 250;
/** How long a reveal waits for the other processes' votes before it goes out with those it has. */
const GATHER_MS = 5_000;

type Change = [string, unknown];
type Sheet = Record<string, { x: number; y: number }>;
/** A team's card on the board, as Leadboard's phones see their own team's (who moved it, not when). */
type Placement = { scenarioId: string; teamId: string | null; x: number; y: number; settled: null; by: string | null };
/** Commands as the harness sends them; the baseline trusts its input. */
interface Command {
  type: string;
  teamId: string;
  scenarioId: string;
  x: number;
  y: number;
  phase: string;
}
interface Room {
  meta: { phase: string; revealed: boolean; spotlight: string | null };
  participants: Map<string, { id: string; name: string; teamId: string | null; status: 'active' }>;
  placements: Map<string, Placement>;
  /** This process's participants' votes, by participant id. */
  votes: Map<string, Sheet>;
  /** On several processes, the other processes' votes, gathered by the one that revealed them. */
  otherVotes: Map<string, Sheet>;
  /** Each card's crowd once revealed, by scenario id: what a phone's snapshot holds. */
  crowds: Record<string, Crowd>;
  seq: number;
  /**
   * Changes for everyone; `facilitatorOnly`: who joined or moved, and the revealed votes, which the
   * phones do not get; `phonesOnly`: the crowds, which the facilitator does not get.
   */
  outbox: Map<string, Change>;
  facilitatorOnly: Set<string>;
  phonesOnly: Set<string>;
  /** Placements while teams place blind: each team's phones hear their own team's only. */
  teamOutbox: Map<string, Map<string, Change>>;
  timer: NodeJS.Timeout | null;
  lastFlush: number;
  progressSent: string;
  /** The counts the phones show (how many are here, and in each team), as last sent to them. */
  phoneCountsSent: string;
}

const node = randomBytes(2).toString('hex');
let nextId = 0;
const rooms = new Map<string, Room>();
// Ids as long as Leadboard's (12 characters, security/tokens.ts): a placement's key and value name
// its card and team, so shorter ids would make every placement message shorter than Leadboard's.
const id12 = (prefix: string, n: number) => `${prefix}${String(n).padStart(12 - prefix.length, '0')}`;
const teams = Object.fromEntries(Array.from({ length: TEAMS }, (_, i) => [id12('t', i + 1), { id: id12('t', i + 1), name: `Team ${i + 1}` }]));
const scenarios = Object.fromEntries(Array.from({ length: CARDS }, (_, i) => [id12('d', i + 1), { id: id12('d', i + 1), teamId: null, hidden: false }]));

function room(code: string): Room {
  let found = rooms.get(code);
  if (!found) {
    found = {
      meta: { phase: 'lobby', revealed: false, spotlight: null },
      participants: new Map(),
      placements: new Map(),
      votes: new Map(),
      otherVotes: new Map(),
      crowds: {},
      seq: 0,
      outbox: new Map(),
      facilitatorOnly: new Set(),
      phonesOnly: new Set(),
      teamOutbox: new Map(),
      timer: null,
      lastFlush: 0,
      progressSent: '',
      phoneCountsSent: '',
    };
    rooms.set(code, found);
  }
  return found;
}

/** A placement as the phones see a shared board, as Leadboard's view.ts trims it. */
function whereOnly(p: Placement): Omit<Placement, 'by'> {
  return { scenarioId: p.scenarioId, teamId: p.teamId, x: p.x, y: p.y, settled: p.settled };
}

function view(r: Room, self: string | null, facilitator: boolean) {
  // Revealed, the facilitator holds every vote and the phones each card's crowd; a phone always holds its own vote.
  const votes = facilitator && r.meta.revealed ? Object.fromEntries([...r.otherVotes, ...r.votes]) : self && r.votes.has(self) ? { [self]: r.votes.get(self) } : {};
  const crowds = facilitator ? {} : r.crowds;
  const participants = facilitator ? Object.fromEntries(r.participants) : self ? { [self]: r.participants.get(self) } : {};
  const team = self ? r.participants.get(self)?.teamId : null;
  const shared = facilitator || ['discuss', 'conclude', 'ended'].includes(r.meta.phase);
  const placements = Object.fromEntries(
    [...r.placements].filter(([, p]) => shared || p.teamId === team).map(([key, p]) => [key, facilitator || !shared ? p : whereOnly(p)]),
  );
  return { meta: r.meta, teams, scenarios, participants, placements, votes, crowds };
}

function progress(r: Room) {
  const sizes: Record<string, number> = {};
  for (const p of r.participants.values()) if (p.teamId) sizes[p.teamId] = (sizes[p.teamId] ?? 0) + 1;
  return { participants: r.participants.size, started: r.votes.size, teams: sizes };
}

const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.method === 'POST' && req.url === '/api/workshops') {
    req.resume();
    const code = randomBytes(4).toString('hex').slice(0, 6).toUpperCase();
    room(code);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ code, facilitatorToken: `f${code}`, stageToken: `s${code}` }));
    return;
  }
  if (req.method === 'DELETE' && req.url?.startsWith('/api/workshops/')) {
    rooms.delete(req.url.slice('/api/workshops/'.length));
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404).end();
});

/** Like Leadboard: one Redis at REDIS_URL, or with REDIS_CLUSTER=1 a Redis Cluster reached through the comma-separated seeds. */
function connect(url: string): Redis | Cluster {
  if (process.env.REDIS_CLUSTER !== '1') return new Redis(url, { maxRetriesPerRequest: null });
  const seeds = url.split(',').map((seed) => new URL(seed.trim())).map((seed) => ({ host: seed.hostname, port: Number(seed.port || 6379) }));
  return new Cluster(seeds, { redisOptions: { maxRetriesPerRequest: null } });
}

const adapterClient = process.env.REDIS_URL ? connect(process.env.REDIS_URL) : undefined;
const io = new Server(httpServer, {
  maxHttpBufferSize: 32 * 1024,
  pingInterval: 5_000,
  pingTimeout: 4_000,
  serveClient: false,
  ...(adapterClient ? { adapter: createAdapter(adapterClient) } : {}),
});

function flush(code: string, r: Room): void {
  r.timer = null;
  r.lastFlush = Date.now();
  if (!r.outbox.size && !r.teamOutbox.size) return;
  const seq = ++r.seq;
  const blind = [...r.teamOutbox.values()].flatMap((changes) => [...changes.values()]);
  const all = [...r.outbox.values()].filter(([key]) => !r.phonesOnly.has(key)).concat(blind);
  const phones = [...r.outbox.values()].filter(([key]) => !r.facilitatorOnly.has(key));
  const serverNow = Date.now();
  io.to(`w:${code}:fac`).emit('changed', { from: seq, seq, changes: all, serverNow });
  if (phones.length) io.to(`w:${code}:pub`).emit('changed', { from: seq, seq, changes: phones, serverNow });
  for (const teamId of Object.keys(teams)) {
    const changes = [...phones, ...(r.teamOutbox.get(teamId)?.values() ?? [])];
    if (changes.length) io.to(`w:${code}:t:${teamId}`).emit('changed', { from: seq, seq, changes, serverNow });
  }
  r.outbox.clear();
  r.facilitatorOnly.clear();
  r.phonesOnly.clear();
  r.teamOutbox.clear();
}

function queue(code: string, r: Room, changes: Change[], only: 'facilitator' | 'phones' | null = null): void {
  for (const change of changes) {
    r.outbox.delete(change[0]);
    r.outbox.set(change[0], change);
    if (only === 'facilitator') r.facilitatorOnly.add(change[0]);
    if (only === 'phones') r.phonesOnly.add(change[0]);
  }
  if (r.timer) return;
  r.timer = setTimeout(() => flush(code, r), Math.max(0, r.lastFlush + WINDOW_MS - Date.now()));
}

/** Each card's crowd, from every vote on it (the baseline has no stars). */
function crowdsOf(votes: Iterable<Sheet>): Record<string, Crowd> {
  const byCard = new Map<string, { x: number; y: number }[]>();
  for (const sheet of votes) {
    for (const [sid, point] of Object.entries(sheet)) {
      const list = byCard.get(sid);
      if (list) list.push(point);
      else byCard.set(sid, [point]);
    }
  }
  return Object.fromEntries([...byCard].map(([sid, points]) => [sid, crowdOf(points, 0)]));
}

/**
 * The reveal, on the process that was told it, once it holds every process's votes: to the phones,
 * the meta and each card's crowd; to the facilitator, the meta and every vote.
 */
function reveal(code: string, others: [string, Sheet][]): void {
  const r = room(code);
  r.otherVotes = new Map(others);
  r.crowds = crowdsOf([...r.otherVotes.values(), ...r.votes.values()]);
  queue(code, r, [['meta', r.meta]]);
  queue(code, r, Object.entries(r.crowds).map(([sid, crowd]): Change => [`cr:${sid}`, crowd]), 'phones');
  queue(code, r, [...r.otherVotes, ...r.votes].map(([id, sheet]): Change => [`v:${id}`, sheet]), 'facilitator');
}

/**
 * On several processes, the one told of the reveal gathers the others' votes: it asks (`lb:reveal`),
 * each answers with its own (`lb:votes`), and once all NODES - 1 have (counted here, not by the
 * adapter, which counts every Socket.IO server subscribed to the Redis), it reveals and tells them
 * the crowds for their phones' snapshots (`lb:crowds`).
 */
const gathering = new Map<string, { votes: [string, Sheet][]; from: Set<string>; timer: NodeJS.Timeout }>();

function gather(code: string): void {
  const timer = setTimeout(() => gathered(code), GATHER_MS);
  gathering.set(code, { votes: [], from: new Set(), timer });
  io.serverSideEmit('lb:reveal', code, node);
}

function gathered(code: string): void {
  const waiting = gathering.get(code);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  gathering.delete(code);
  // A process that did not answer in time leaves its votes out of the crowds: the harness counts them lost.
  reveal(code, waiting.votes);
  io.serverSideEmit('lb:crowds', code, room(code).crowds);
}

io.on('lb:reveal', (code: string, asker: string) => {
  const r = rooms.get(code);
  if (r) r.meta = { ...r.meta, revealed: true };
  io.serverSideEmit('lb:votes', code, asker, node, r ? [...r.votes] : []);
});

io.on('lb:votes', (code: string, asker: string, from: string, votes: [string, Sheet][]) => {
  const waiting = asker === node ? gathering.get(code) : undefined;
  if (!waiting || waiting.from.has(from)) return;
  waiting.from.add(from);
  waiting.votes.push(...votes);
  if (waiting.from.size >= NODES - 1) gathered(code);
});

io.on('lb:placement', (code: string, key: string, placement: Placement) => {
  room(code).placements.set(key, placement);
});

io.on('lb:crowds', (code: string, crowds: Record<string, Crowd>) => {
  const r = rooms.get(code);
  if (r) r.crowds = crowds;
});

io.on('connection', (socket: Socket) => {
  let code = '';
  let self: string | null = null;
  let facilitator = false;
  socket.on('join', (payload: { code: string; role: string; name?: string }, ack: (res: unknown) => void) => {
    code = payload.code;
    const r = room(code);
    if (payload.role === 'participant') {
      self = `${node}-${++nextId}`;
      const participant = { id: self, name: payload.name ?? '', teamId: null, status: 'active' as const };
      r.participants.set(self, participant);
      queue(code, r, [[`p:${self}`, participant]], 'facilitator');
    }
    facilitator = payload.role === 'facilitator';
    void socket.join(facilitator ? `w:${code}:fac` : `w:${code}:pub`);
    ack({ ok: true, you: { role: payload.role, id: self, token: self ? `t${self}` : null }, snapshot: { seq: r.seq, view: view(r, self, facilitator), progress: progress(r), serverNow: Date.now() } });
  });
  socket.on('sync', (_payload: unknown, ack: (res: unknown) => void) => {
    const r = room(code);
    ack({ ok: true, snapshot: { seq: r.seq, view: view(r, self, facilitator), progress: progress(r), serverNow: Date.now() } });
  });
  socket.on('command', (command: Command, ack: (res: unknown) => void) => {
    const r = room(code);
    const participant = self ? r.participants.get(self) : undefined;
    switch (command.type) {
      case 'team.choose':
        if (participant!.teamId) void socket.leave(`w:${code}:t:${participant!.teamId}`);
        else void socket.leave(`w:${code}:pub`);
        participant!.teamId = command.teamId;
        void socket.join(`w:${code}:t:${command.teamId}`);
        queue(code, r, [[`p:${self}`, participant]], 'facilitator');
        socket.emit('private', { changes: [[`p:${self}`, participant]] });
        break;
      case 'placement.set': {
        const key = `${command.scenarioId}.${participant!.teamId}`;
        const placement = { scenarioId: command.scenarioId, teamId: participant!.teamId, x: command.x, y: command.y, settled: null, by: self };
        r.placements.set(key, placement);
        // Every process holds every placement, for the boards it shows its own phones at the discussion.
        if (adapterClient && NODES > 1) io.serverSideEmit('lb:placement', code, key, placement);
        const forTeam = r.teamOutbox.get(participant!.teamId!) ?? new Map<string, Change>();
        forTeam.set(`pl:${key}`, [`pl:${key}`, placement]);
        r.teamOutbox.set(participant!.teamId!, forTeam);
        if (!r.timer) r.timer = setTimeout(() => flush(code, r), Math.max(0, r.lastFlush + WINDOW_MS - Date.now()));
        break;
      }
      case 'vote.set':
        r.votes.set(self!, { ...r.votes.get(self!), [command.scenarioId]: { x: command.x, y: command.y } });
        break;
      case 'phase.set':
        r.meta = { ...r.meta, phase: command.phase };
        queue(code, r, [['meta', r.meta]]);
        // The discussion shows every team's board to every phone: where the cards are, not who
        // moved them or when (the facilitator has held every board all along).
        if (command.phase === 'discuss') queue(code, r, [...r.placements].map(([key, p]): Change => [`pl:${key}`, whereOnly(p)]), 'phones');
        break;
      case 'spotlight.set':
        r.meta = { ...r.meta, spotlight: command.scenarioId };
        queue(code, r, [['meta', r.meta]]);
        break;
      case 'votes.reveal':
        r.meta = { ...r.meta, revealed: true };
        if (adapterClient && NODES > 1) gather(code);
        else reveal(code, []);
        break;
    }
    ack({ ok: true, result: {} });
  });
});

setInterval(() => {
  for (const [code, r] of rooms) {
    const now = progress(r);
    const counts = JSON.stringify(now);
    if (counts === r.progressSent) continue;
    r.progressSent = counts;
    // Like Leadboard, the phones are told the counts only when the ones they show change.
    const phoneCounts = JSON.stringify([now.participants, now.teams]);
    const phones = phoneCounts === r.phoneCountsSent ? [] : [`w:${code}:pub`, ...Object.keys(teams).map((t) => `w:${code}:t:${t}`)];
    r.phoneCountsSent = phoneCounts;
    io.local.to([`w:${code}:fac`, ...phones]).emit('progress', now);
  }
}, PROGRESS_MS).unref();

serveHarness(httpServer, () => io.engine.clientsCount, async () => {
  await io.close();
  adapterClient?.disconnect();
});
