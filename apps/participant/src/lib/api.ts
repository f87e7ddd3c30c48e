import { io } from 'socket.io-client';
import { ackErrorOf, fetchFile, identities, request, type ClientSocket, type HttpWording, type KeyValueStorage } from '@leadboard/client';
import { saveBlob } from '@leadboard/client/page';
import type { AckError, JoinAck, Snapshot, WorkshopSummary, You } from '@leadboard/core';

export type { WorkshopSummary };

export type JoinOutcome = { ok: true } | { ok: false; error: AckError };

const OFFLINE: AckError = { code: 'UNAVAILABLE', message: 'Can’t reach the workshop. Check your connection and try again.' };

/** The phone's words for refusals the server did not explain. */
const WORDING: HttpWording = {
  0: OFFLINE.message,
  401: 'This device is no longer allowed to fetch it.',
  403: 'This device is no longer allowed to fetch it.',
};

/** The join page's words for each refusal; the server's message where we have nothing better. */
export function joinErrorMessage(error: AckError, code: string): string {
  switch (error.code) {
    case 'NOT_FOUND':
      return `No workshop has the code ${code}. Check the code on the screen.`;
    case 'WRONG_PHASE':
      return 'This workshop has ended, so it no longer takes new people.';
    case 'LOCKED':
      return 'This workshop is closed to new people. If you should be in it, ask the facilitator to open it.';
    case 'REMOVED':
      return 'The facilitator removed you from this workshop, so this phone cannot join it again. If you think that was a mistake, talk to the facilitator.';
    case 'RATE_LIMITED': {
      const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000));
      return `Too many attempts from this network. Wait ${seconds} seconds, then try again.`;
    }
    default:
      return error.message;
  }
}

/** The public summary of a room, or the reason there is none. */
export async function fetchWorkshop(code: string, signal?: AbortSignal): Promise<{ ok: true; summary: WorkshopSummary } | { ok: false; error: AckError }> {
  try {
    const res = await request(`/api/workshops/${encodeURIComponent(code)}`, { signal, headers: { accept: 'application/json' } }, WORDING);
    return { ok: true, summary: (await res.json()) as WorkshopSummary };
  } catch (error) {
    return { ok: false, error: ackErrorOf(error, WORDING) };
  }
}

/** A first join's connection, handed to the live session so it does not connect and join again. */
export interface JoinHandoff {
  code: string;
  socket: ClientSocket;
  you: You;
  snapshot: Snapshot;
}

let handoff: JoinHandoff | null = null;

/** The connection a first join left for the live session of this room, once. */
export function takeHandoff(code: string): JoinHandoff | null {
  const taken = handoff?.code === code ? handoff : null;
  if (handoff && !taken) handoff.socket.disconnect();
  handoff = null;
  return taken;
}

/**
 * Join a room as a new participant and keep the token on this device. The connection stays open
 * for the live session that follows; after any reconnect it resumes with the saved token, exactly
 * as after a reload.
 */
export async function joinAsNew(code: string, name: string, storage: KeyValueStorage): Promise<JoinOutcome> {
  const socket: ClientSocket = io({ forceNew: true, timeout: 10_000, reconnectionDelayMax: 4000 });
  let kept = false;
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    const ack: JoinAck = await socket.timeout(10_000).emitWithAck('join', { code, role: 'participant', name });
    if (!ack.ok) return ack;
    if (!ack.you.token || !ack.you.id) return { ok: false, error: { code: 'INTERNAL', message: 'The server did not hand out an identity.' } };
    identities.saveParticipant(storage, code, { token: ack.you.token, participantId: ack.you.id, name });
    takeHandoff('');
    handoff = { code, socket, you: ack.you, snapshot: ack.snapshot };
    kept = true;
    return { ok: true };
  } catch {
    return { ok: false, error: OFFLINE };
  } finally {
    if (!kept) socket.disconnect();
  }
}

/** Fetch the participant's own summary and hand it to the browser as a download. */
export async function downloadSummary(code: string, token: string): Promise<JoinOutcome> {
  try {
    const { blob, filename } = await fetchFile(
      `/api/workshops/${encodeURIComponent(code)}/my-summary`,
      { headers: { authorization: `Bearer ${token}`, accept: 'text/markdown' } },
      `leadboard-${code}-summary.md`,
      { wording: WORDING, type: 'text/markdown;charset=utf-8' },
    );
    saveBlob(blob, filename);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: ackErrorOf(error, WORDING) };
  }
}
