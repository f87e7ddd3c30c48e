import { defineStore } from 'pinia';
import { computed, markRaw, ref } from 'vue';
import { MemoryStorage, browserStorage, emptyMirror, identities, type KeyValueStorage, type SessionFactory } from '@leadboard/client';
import { useRoomBase, useRoomTimer } from '@leadboard/client/vue';
import { ballotOf, phoneCounts, type CommandAck, type CommandDraft, type Participant, type PhoneCounts, type Team } from '@leadboard/core';
import { i18n, refusalMessage } from '../i18n/index.js';
import { takeHandoff } from '../lib/api.js';
import { Overlay } from '../lib/overlay.js';

export type Target = { code: string; role: 'participant' } | { code: string; role: 'stage'; key: string };

export interface StartOptions {
  storage?: KeyValueStorage;
  /** Tests hand in their own sessions. */
  connect?: SessionFactory;
}


/**
 * The one live room this phone is in: the room every screen shares (client's room base), what this
 * phone has sent but not seen confirmed, and what only a phone derives: me, my ballot, my team.
 */
export const useRoomStore = defineStore('room', () => {
  const overlay = markRaw(new Overlay());
  const base = useRoomBase({
    sink: (sink) => ({
      ...sink,
      snapshot(snapshot, you) {
        sink.snapshot(snapshot, you);
        overlay.serverChanged(null);
      },
      changes(changes, seq) {
        sink.changes(changes, seq);
        overlay.serverChanged(new Set(changes.map(([key]) => key)));
      },
    }),
  });
  const { mirror, code, role } = base;
  const { serverNow, locked } = useRoomTimer(mirror, 500);
  /** This phone chose to leave: the room's farewell that follows is expected, not news. */
  const leaving = ref(false);

  /** Connect to a room: as the participant whose token this device keeps, or as the preview. */
  function start(target: Target, options: StartOptions = {}): void {
    overlay.clear();
    leaving.value = false;
    base.connect({
      code: target.code,
      role: target.role,
      token: target.role === 'stage' ? target.key : undefined,
      // The preview keeps nothing on the device: not the key, not an outbox.
      storage: target.role === 'stage' ? new MemoryStorage() : (options.storage ?? browserStorage()),
      handoff: target.role === 'participant' ? takeHandoff(target.code) : null,
      createSession: options.connect,
    });
  }

  /** Send a command; a refusal comes back worded in the phone's language. */
  async function send(draft: CommandDraft): Promise<CommandAck> {
    if (role.value === 'stage') return { ok: false, error: { code: 'FORBIDDEN', message: i18n.global.t('phone.room.readOnly') } };
    const ack = await base.send(draft);
    return ack.ok ? ack : { ok: false, error: { ...ack.error, message: refusalMessage(ack.error) } };
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
    if (base.active.value && role.value === 'participant') {
      if (mirror.connection === 'live') {
        const wait = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000));
        await Promise.race([base.send({ type: 'participant.leave' }), wait]);
      }
      base.forgetIdentity();
    }
    if (code.value) identities.forgetParticipant(base.storageInUse(), code.value);
    base.disconnect();
    Object.assign(mirror, emptyMirror());
    overlay.clear();
  }

  const readOnly = computed(() => role.value === 'stage');
  const me = computed<Participant | null>(() => {
    const id = mirror.you?.id;
    return id ? (mirror.view?.participants[id] ?? null) : null;
  });
  /** This participant's ballot: their votes, stars, lens tags, comments and reflection are keyed by it. */
  const myBallot = computed<string | null>(() => (mirror.view ? (ballotOf(mirror.view, mirror.you?.id) ?? null) : null));
  /** The room's counts a phone shows; it is told them when they change (the rest may be stale). */
  const counts = computed<PhoneCounts | null>(() => (mirror.progress ? phoneCounts(mirror.progress) : null));
  /** The preview looks through the eyes of the first team's members. */
  const myTeam = computed<Team | null>(() => (readOnly.value ? (base.teams.value[0] ?? null) : base.teamOf(me.value?.teamId ?? null)));
  const savedName = computed(() => (code.value && role.value === 'participant' ? (identities.participant(base.storageInUse(), code.value)?.name ?? '') : ''));

  function token(): string | null {
    return code.value ? (identities.participant(base.storageInUse(), code.value)?.token ?? null) : null;
  }

  return {
    ...base,
    overlay, leaving, serverNow, locked, readOnly, me, myBallot, myTeam, savedName, counts,
    start, stop: base.disconnect, send, sendShown, leave, token,
  };
});

/** Does this device hold an identity for the room? */
export function hasIdentity(code: string, storage: KeyValueStorage = browserStorage()): boolean {
  return identities.participant(storage, code) !== null;
}
