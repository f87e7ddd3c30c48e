import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Cluster, Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { serveHarness } from './ipc.js';

/**
 * The control: plain Socket.IO on the same transport and settings, with no validation, no reducer
 * and no store. It keeps only what it must echo, and sends the messages Leadboard sends for the
 * same steps — a snapshot on join, deltas coalesced per room (first one at once, then at most one
 * per 40 ms), counts every 250 ms, and every vote on reveal; like Leadboard, it tells the phones of
 * a join or a team choice only through the counts, and the facilitator through a delta — so a
 * ratio to it is Leadboard's own cost.
 */
const { values: args } = parseArgs({ options: { teams: { type: 'string', default: '4' }, cards: { type: 'string', default: '14' } } });
const TEAMS = Number(args.teams);
const CARDS = Number(args.cards);
const WINDOW_MS = 40;
const PROGRESS_MS = 250;

type Change = [string, unknown];
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
  placements: Map<string, unknown>;
  votes: Map<string, Record<string, { x: number; y: number }>>;
  seq: number;
  /** Changes for everyone, and (`facilitatorOnly`) who joined or moved, which the phones do not get. */
  outbox: Map<string, Change>;
  facilitatorOnly: Set<string>;
  /** Placements while teams place blind: each team's phones hear their own team's only. */
  teamOutbox: Map<string, Map<string, Change>>;
  timer: NodeJS.Timeout | null;
  lastFlush: number;
  progressSent: string;
}

const node = randomBytes(2).toString('hex');
let nextId = 0;
const rooms = new Map<string, Room>();
const teams = Object.fromEntries(Array.from({ length: TEAMS }, (_, i) => [`t${i + 1}`, { id: `t${i + 1}`, name: `Team ${i + 1}` }]));
const scenarios = Object.fromEntries(Array.from({ length: CARDS }, (_, i) => [`d${i + 1}`, { id: `d${i + 1}`, teamId: null, hidden: false }]));

function room(code: string): Room {
  let found = rooms.get(code);
  if (!found) {
    found = {
      meta: { phase: 'lobby', revealed: false, spotlight: null },
      participants: new Map(),
      placements: new Map(),
      votes: new Map(),
      seq: 0,
      outbox: new Map(),
      facilitatorOnly: new Set(),
      teamOutbox: new Map(),
      timer: null,
      lastFlush: 0,
      progressSent: '',
    };
    rooms.set(code, found);
  }
  return found;
}

function view(r: Room, self: string | null, facilitator: boolean) {
  const votes = r.meta.revealed ? Object.fromEntries(r.votes) : self && r.votes.has(self) ? { [self]: r.votes.get(self) } : {};
  const participants = facilitator ? Object.fromEntries(r.participants) : self ? { [self]: r.participants.get(self) } : {};
  const team = self ? r.participants.get(self)?.teamId : null;
  const shared = facilitator || ['discuss', 'conclude', 'ended'].includes(r.meta.phase);
  const placements = Object.fromEntries([...r.placements].filter(([, p]) => shared || (p as { teamId: string }).teamId === team));
  return { meta: r.meta, teams, scenarios, participants, placements, votes };
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
  const all = [...r.outbox.values(), ...blind];
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
  r.teamOutbox.clear();
}

function queue(code: string, r: Room, changes: Change[], facilitatorOnly = false): void {
  for (const change of changes) {
    r.outbox.delete(change[0]);
    r.outbox.set(change[0], change);
    if (facilitatorOnly) r.facilitatorOnly.add(change[0]);
  }
  if (r.timer) return;
  r.timer = setTimeout(() => flush(code, r), Math.max(0, r.lastFlush + WINDOW_MS - Date.now()));
}

function revealOwn(code: string): void {
  const r = room(code);
  queue(code, r, [['meta', r.meta], ...[...r.votes].map(([id, sheet]): Change => [`v:${id}`, sheet])]);
}

io.on('lb:reveal', (code: string) => {
  room(code).meta.revealed = true;
  revealOwn(code);
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
      queue(code, r, [[`p:${self}`, participant]], true);
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
        queue(code, r, [[`p:${self}`, participant]], true);
        socket.emit('private', { changes: [[`p:${self}`, participant]] });
        break;
      case 'placement.set': {
        const key = `${command.scenarioId}.${participant!.teamId}`;
        const placement = { scenarioId: command.scenarioId, teamId: participant!.teamId, x: command.x, y: command.y, by: self };
        r.placements.set(key, placement);
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
        // The discussion shows every team's board to everyone.
        if (command.phase === 'discuss') queue(code, r, [...r.placements].map(([key, p]): Change => [`pl:${key}`, p]));
        break;
      case 'spotlight.set':
        r.meta = { ...r.meta, spotlight: command.scenarioId };
        queue(code, r, [['meta', r.meta]]);
        break;
      case 'votes.reveal':
        r.meta = { ...r.meta, revealed: true };
        revealOwn(code);
        if (adapterClient) io.serverSideEmit('lb:reveal', code);
        break;
    }
    ack({ ok: true, result: {} });
  });
});

setInterval(() => {
  for (const [code, r] of rooms) {
    const counts = JSON.stringify(progress(r));
    if (counts === r.progressSent) continue;
    r.progressSent = counts;
    io.local.to([`w:${code}:fac`, `w:${code}:pub`, ...Object.keys(teams).map((t) => `w:${code}:t:${t}`)]).emit('progress', JSON.parse(counts));
  }
}, PROGRESS_MS).unref();

serveHarness(httpServer, () => io.engine.clientsCount, async () => {
  await io.close();
  adapterClient?.disconnect();
});
