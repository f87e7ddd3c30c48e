import { computed, reactive, ref, shallowReactive } from 'vue';
import { activeParticipants, visibleScenarios, type CommandAck, type CommandDraft, type Participant, type Role, type RoomView, type Snapshot, type Team, type You } from '@leadboard/core';
import { emptyMirror, mirrorSink, type RoomMirror } from '../mirror.js';
import { followPageLifecycle } from '../page.js';
import { LiveSession, type ClientSocket, type SessionFactory, type SessionHandle, type SessionOptions, type SessionSink } from '../session.js';
import { browserStorage, type KeyValueStorage } from '../storage.js';

export interface ConnectOptions {
  code: string;
  role: Role;
  /** A facilitator or stage key; a participant's token is found in storage. */
  token?: string;
  /** Where identities and unsent commands are kept; the browser's storage by default. */
  storage?: KeyValueStorage;
  /** A join already answered on an open socket (a phone's first join), to carry on from instead of joining again. */
  handoff?: { socket: ClientSocket; you: You; snapshot: Snapshot } | null;
  /** Tests hand in a stand-in; by default a LiveSession that follows the page's lifecycle. */
  createSession?: SessionFactory;
}

export const NOT_CONNECTED: CommandAck = { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected to a workshop.' } };

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
    forgetIdentity: () => session.forgetIdentity(),
  };
};

/**
 * A view whose collections are reactive one entry deep: a change replaces an entry (core's
 * `writePart` never edits one in place), so screens need to hear of the entry, not of every field
 * inside it. A room of 5,000 people then costs one reactive object per collection, not one per
 * person, and a delta that moves everyone (Balance teams) triggers each collection's readers once
 * per entry written instead of building 5,000 deep proxies as screens read them.
 */
function shallowView(view: RoomView): RoomView {
  const out = shallowReactive({ ...view }) as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(view)) {
    if (name !== 'meta' && value && typeof value === 'object') out[name] = shallowReactive({ ...(value as Record<string, unknown>) });
  }
  return out as unknown as RoomView;
}

/** The mirror's sink, with each snapshot's view made reactive one entry deep (`shallowView`). */
function withShallowViews(sink: SessionSink): SessionSink {
  return { ...sink, snapshot: (snapshot, you) => sink.snapshot({ ...snapshot, view: shallowView(snapshot.view) }, you) };
}

/**
 * What every screen's room store holds: one live session (its listeners registered once, here),
 * the mirror of the room it keeps current through core, and what every screen derives from it.
 * Call it inside an app's `defineStore('room', () => …)` and return its fields with the app's own.
 */
export function useRoomBase(options: { sink?: (sink: SessionSink) => SessionSink } = {}) {
  const mirror: RoomMirror = reactive(emptyMirror());
  const code = ref('');
  const role = ref<Role>('participant');
  /** A session is running (it may still be connecting, or have ended). */
  const active = ref(false);
  let storage: KeyValueStorage = browserStorage();
  let session: SessionHandle | null = null;

  function connect(target: ConnectOptions): void {
    disconnect();
    Object.assign(mirror, emptyMirror());
    code.value = target.code;
    role.value = target.role;
    storage = target.storage ?? browserStorage();
    const sink = withShallowViews(mirrorSink(mirror));
    const handoff = target.handoff;
    const sessionOptions: SessionOptions = {
      code: target.code,
      role: target.role,
      token: target.token,
      storage,
      sink: options.sink ? options.sink(sink) : sink,
      ...(handoff ? { socket: handoff.socket, adopt: { you: handoff.you, snapshot: handoff.snapshot } } : {}),
    };
    session = (target.createSession ?? liveSession)(sessionOptions);
    active.value = true;
    session.start();
  }

  function disconnect(): void {
    session?.stop();
    session = null;
    active.value = false;
  }

  /** Send a command; resolves with its acknowledgement (a refusal when no session runs). */
  function send(draft: CommandDraft): Promise<CommandAck> {
    return session ? session.send(draft) : Promise.resolve(NOT_CONNECTED);
  }

  /** Forget the identity this session used, on this device. */
  function forgetIdentity(): void {
    session?.forgetIdentity();
  }

  /** Where this session keeps its identity (memory for the preview, which keeps nothing). */
  function storageInUse(): KeyValueStorage {
    return storage;
  }

  const view = computed(() => mirror.view);
  const meta = computed(() => mirror.view?.meta ?? null);
  const phase = computed(() => meta.value?.phase ?? 'lobby');
  const ready = computed(() => mirror.view !== null);
  /** The session cannot continue (removed, workshop gone, identity refused): `mirror.error` says why. */
  const ended = computed(() => mirror.connection === 'ended');

  const teams = computed<Team[]>(() => (mirror.view ? Object.values(mirror.view.teams).sort((a, b) => a.order - b.order) : []));
  /** Active people, in the order they joined. */
  const people = computed<Participant[]>(() => (mirror.view ? activeParticipants(mirror.view).sort((a, b) => a.joinedAt - b.joinedAt) : []));
  /** Who has a live connection (the facilitator is told). */
  const online = computed(() => new Set(mirror.online));
  /** Scenarios everyone sees, in the room's order. */
  const visible = computed(() => (mirror.view ? visibleScenarios(mirror.view) : []));
  /** Card numbers as every screen and export shows them: each card's own number, given once. */
  const numbers = computed(() => new Map(visible.value.map((s) => [s.id, s.number])));

  function teamOf(id: string | null): Team | null {
    return id ? (mirror.view?.teams[id] ?? null) : null;
  }

  return {
    mirror, code, role, active,
    connect, disconnect, send, forgetIdentity, storageInUse,
    view, meta, phase, ready, ended, teams, people, online, visible, numbers, teamOf,
  };
}
