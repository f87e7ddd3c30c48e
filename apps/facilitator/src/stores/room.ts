import { computed, reactive, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import {
  activeParticipants,
  ballotOwner,
  conclusion,
  discussionQueue,
  isInputLocked,
  scenarioStats,
  timerRemainingMs,
  visibleScenarios,
  type CommandAck,
  type CommandDraft,
  type Participant,
  type Role,
  type Scenario,
  type Team,
} from '@leadboard/core';
import { browserStorage, emptyMirror, LiveSession, mirrorSink, type KeyValueStorage, type SessionOptions } from '@leadboard/client';
import { followPageLifecycle } from '@leadboard/client/page';

/** What the store needs of a live session (a LiveSession, or a stand-in in tests). */
export interface SessionHandle {
  start(): void;
  stop(): void;
  send(draft: CommandDraft): Promise<CommandAck>;
  wake(): void;
}

export type SessionFactory = (options: SessionOptions) => SessionHandle;

export interface ConnectOptions {
  code: string;
  role: Extract<Role, 'facilitator' | 'stage'>;
  token: string;
  storage?: KeyValueStorage;
  /** Tests hand in a stand-in; the app uses a real LiveSession wired to the page lifecycle. */
  createSession?: SessionFactory;
}

const liveSession: SessionFactory = (options) => {
  const session = new LiveSession(options);
  const release = followPageLifecycle(session);
  return {
    start: () => session.start(),
    stop: () => {
      release();
      session.stop();
    },
    send: (draft) => session.send(draft),
    wake: () => session.wake(),
  };
};

const NO_SESSION: CommandAck = { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected to a workshop.' } };

/** One workshop as this screen sees it: the live mirror of the room, and what screens derive from it. */
export const useRoomStore = defineStore('room', () => {
  const mirror = reactive(emptyMirror());
  const code = ref('');
  const role = ref<ConnectOptions['role']>('facilitator');
  const token = ref('');
  const session = shallowRef<SessionHandle | null>(null);

  function connect(options: ConnectOptions): void {
    disconnect();
    Object.assign(mirror, emptyMirror());
    code.value = options.code;
    role.value = options.role;
    token.value = options.token;
    const create = options.createSession ?? liveSession;
    session.value = create({ code: options.code, role: options.role, token: options.token, storage: options.storage ?? browserStorage(), sink: mirrorSink(mirror) });
    session.value.start();
  }

  function disconnect(): void {
    session.value?.stop();
    session.value = null;
  }

  function send(draft: CommandDraft): Promise<CommandAck> {
    return session.value ? session.value.send(draft) : Promise.resolve(NO_SESSION);
  }

  /** The server's clock, as this screen can tell. */
  function serverNow(now = Date.now()): number {
    return now + mirror.clockOffset;
  }

  const view = computed(() => mirror.view);
  const meta = computed(() => mirror.view?.meta ?? null);
  const phase = computed(() => meta.value?.phase ?? 'lobby');
  const ready = computed(() => mirror.view !== null);

  const teams = computed<Team[]>(() => (view.value ? Object.values(view.value.teams).sort((a, b) => a.order - b.order) : []));
  const people = computed<Participant[]>(() => (view.value ? activeParticipants(view.value).sort((a, b) => a.joinedAt - b.joinedAt) : []));
  const online = computed(() => new Set(mirror.online));
  /** People of the earlier session a continued workshop was started from. */
  const earlier = computed<Participant[]>(() =>
    view.value ? Object.values(view.value.participants).filter((p) => p.status === 'earlier').sort((a, b) => a.joinedAt - b.joinedAt) : [],
  );
  /** People the facilitator removed: their removal can be undone. */
  const removed = computed<Participant[]>(() =>
    view.value ? Object.values(view.value.participants).filter((p) => p.status === 'removed').sort((a, b) => a.joinedAt - b.joinedAt) : [],
  );

  /** Active people by team id; `null` holds those without a team. */
  const members = computed(() => {
    const map = new Map<string | null, Participant[]>([[null, []]]);
    for (const team of teams.value) map.set(team.id, []);
    for (const person of people.value) {
      const key = person.teamId && map.has(person.teamId) ? person.teamId : null;
      map.get(key)!.push(person);
    }
    return map;
  });

  /** Every scenario the facilitator may see, hidden ones included, in the order written. */
  const scenarios = computed<Scenario[]>(() => (view.value ? Object.values(view.value.scenarios).sort((a, b) => a.order - b.order) : []));
  const visible = computed<Scenario[]>(() => (view.value ? visibleScenarios(view.value) : []));
  const stats = computed(() => (view.value ? scenarioStats(view.value) : []));
  const queue = computed(() => discussionQueue(stats.value));
  const summary = computed(() => (view.value ? conclusion(view.value, stats.value) : null));
  const spotlight = computed(() => {
    const id = meta.value?.spotlight;
    return id ? (view.value?.scenarios[id] ?? null) : null;
  });

  /** Who is behind a ballot: a name in a named workshop, null in an anonymous one (the view holds no link). */
  function authorOf(ballot: string): string | null {
    return view.value ? (ballotOwner(view.value, ballot)?.name ?? null) : null;
  }

  function teamOf(id: string | null): Team | null {
    return id ? (view.value?.teams[id] ?? null) : null;
  }

  function timerLeft(now: number): number {
    return meta.value ? timerRemainingMs(meta.value.timer, serverNow(now)) : 0;
  }

  function locked(now: number): boolean {
    return meta.value ? isInputLocked(meta.value, serverNow(now)) : false;
  }

  return {
    mirror, code, role, token,
    connect, disconnect, send, serverNow,
    view, meta, phase, ready, teams, people, removed, earlier, online, members, scenarios, visible, stats, queue, summary, spotlight,
    teamOf, authorOf, timerLeft, locked,
  };
});
