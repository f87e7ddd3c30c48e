import { defineStore } from 'pinia';
import { computed, markRaw, reactive, ref } from 'vue';
import {
  LiveSession,
  MemoryStorage,
  browserStorage,
  emptyMirror,
  identities,
  mirrorSink,
  type KeyValueStorage,
  type RoomMirror,
  type SessionOptions,
  type SessionSink,
} from '@leadboard/client';
import { followPageLifecycle } from '@leadboard/client/page';
import {
  ballotOf,
  isInputLocked,
  visibleScenarios,
  type CommandAck,
  type CommandDraft,
  type Participant,
  type Team,
} from '@leadboard/core';
import { takeHandoff } from '../lib/api.js';
import { Overlay } from '../lib/overlay.js';
import { useDeviceStore } from './device.js';

export type Target = { code: string; role: 'participant' } | { code: string; role: 'stage'; key: string };

/** What the store needs of a live session; tests hand in their own. */
export type Session = Pick<LiveSession, 'start' | 'stop' | 'send' | 'forgetIdentity'>;

export interface StartOptions {
  storage?: KeyValueStorage;
  connect?: (options: SessionOptions) => Session;
}

const READ_ONLY: CommandAck = { ok: false, error: { code: 'FORBIDDEN', message: 'This is a preview: nothing can be changed here.' } };
const NOT_JOINED: CommandAck = { ok: false, error: { code: 'FORBIDDEN', message: 'You are not in a workshop.' } };

/**
 * The one live room this phone is in: the session (listeners registered here, once), the mirror
 * it keeps current, what this phone has sent but not seen confirmed, and what every screen derives.
 */
export const useRoomStore = defineStore('room', () => {
  const device = useDeviceStore();
  const mirror: RoomMirror = reactive(emptyMirror());
  const overlay = markRaw(new Overlay());
  const code = ref('');
  const role = ref<'participant' | 'stage'>('participant');
  const active = ref(false);
  /** This phone chose to leave: the room's farewell that follows is expected, not news. */
  const leaving = ref(false);
  let storage: KeyValueStorage = browserStorage();
  let session: Session | null = null;
  let unfollow: (() => void) | null = null;

  function sink(): SessionSink {
    const base = mirrorSink(mirror);
    return {
      ...base,
      snapshot(snapshot, you) {
        base.snapshot(snapshot, you);
        overlay.serverChanged(null);
      },
      changes(changes, seq) {
        base.changes(changes, seq);
        overlay.serverChanged(new Set(changes.map(([key]) => key)));
      },
    };
  }

  /** Connect to a room: as the participant whose token this device keeps, or as the preview. */
  function start(target: Target, options: StartOptions = {}): void {
    stop();
    Object.assign(mirror, emptyMirror());
    overlay.clear();
    code.value = target.code;
    role.value = target.role;
    leaving.value = false;
    // The preview keeps nothing on the device: not the key, not an outbox.
    storage = target.role === 'stage' ? new MemoryStorage() : (options.storage ?? browserStorage());
    const handoff = target.role === 'participant' ? takeHandoff(target.code) : null;
    const sessionOptions: SessionOptions = {
      code: target.code,
      role: target.role,
      token: target.role === 'stage' ? target.key : undefined,
      storage,
      sink: sink(),
      ...(handoff ? { socket: handoff.socket, adopt: { you: handoff.you, snapshot: handoff.snapshot } } : {}),
    };
    if (options.connect) session = options.connect(sessionOptions);
    else {
      const live = new LiveSession(sessionOptions);
      unfollow = followPageLifecycle(live);
      session = live;
    }
    active.value = true;
    session.start();
  }

  function stop(): void {
    unfollow?.();
    unfollow = null;
    session?.stop();
    session = null;
    active.value = false;
  }

  function send(draft: CommandDraft): Promise<CommandAck> {
    if (role.value === 'stage') return Promise.resolve(READ_ONLY);
    if (!session) return Promise.resolve(NOT_JOINED);
    return session.send(draft);
  }

  /** Send a command and show its effect at once, until the room confirms or refuses it. */
  function sendShown(key: string, part: string, value: unknown, draft: CommandDraft): Promise<CommandAck> {
    const ack = send(draft);
    if (role.value !== 'stage') overlay.track(key, part, value, ack);
    return ack;
  }

  /** Leave the workshop: tell the room (briefly, if the connection allows), then forget this identity. */
  async function leave(): Promise<void> {
    leaving.value = true;
    if (session && role.value === 'participant') {
      if (mirror.connection === 'live') {
        const wait = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000));
        await Promise.race([session.send({ type: 'participant.leave' }), wait]);
      }
      session.forgetIdentity();
    }
    if (code.value) identities.forgetParticipant(storage, code.value);
    stop();
    Object.assign(mirror, emptyMirror());
    overlay.clear();
  }

  const view = computed(() => mirror.view);
  const meta = computed(() => mirror.view?.meta ?? null);
  const phase = computed(() => meta.value?.phase ?? 'lobby');
  const readOnly = computed(() => role.value === 'stage');
  const serverNow = computed(() => device.now + mirror.clockOffset);
  const locked = computed(() => (meta.value ? isInputLocked(meta.value, serverNow.value) : false));
  const ended = computed(() => mirror.connection === 'ended');

  const me = computed<Participant | null>(() => {
    const id = mirror.you?.id;
    return id ? (mirror.view?.participants[id] ?? null) : null;
  });
  /** This participant's ballot: their votes, stars, lens tags, comments and reflection are keyed by it. */
  const myBallot = computed<string | null>(() => (mirror.view ? (ballotOf(mirror.view, mirror.you?.id) ?? null) : null));
  const teams = computed<Team[]>(() => Object.values(mirror.view?.teams ?? {}).sort((a, b) => a.order - b.order));
  /** The preview looks through the eyes of the first team's members. */
  const myTeam = computed<Team | null>(() => {
    if (readOnly.value) return teams.value[0] ?? null;
    const id = me.value?.teamId;
    return id ? (mirror.view?.teams[id] ?? null) : null;
  });
  const people = computed<Participant[]>(() =>
    Object.values(mirror.view?.participants ?? {})
      .filter((p) => p.status === 'active')
      .sort((a, b) => a.joinedAt - b.joinedAt),
  );
  const scenarios = computed(() => (mirror.view ? visibleScenarios(mirror.view) : []));
  /** Card numbers as the stage and the exports show them: each card's own number, given once. */
  const numbers = computed(() => new Map(scenarios.value.map((s) => [s.id, s.number])));
  const savedName = computed(() => (code.value && role.value === 'participant' ? (identities.participant(storage, code.value)?.name ?? '') : ''));

  function token(): string | null {
    return code.value ? (identities.participant(storage, code.value)?.token ?? null) : null;
  }

  return {
    mirror,
    overlay,
    code,
    role,
    active,
    leaving,
    view,
    meta,
    phase,
    readOnly,
    serverNow,
    locked,
    ended,
    me,
    myBallot,
    teams,
    myTeam,
    people,
    scenarios,
    numbers,
    savedName,
    start,
    stop,
    send,
    sendShown,
    leave,
    token,
  };
});

/** Does this device hold an identity for the room? */
export function hasIdentity(code: string, storage: KeyValueStorage = browserStorage()): boolean {
  return identities.participant(storage, code) !== null;
}
