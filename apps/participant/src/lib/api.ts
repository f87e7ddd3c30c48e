import { io } from 'socket.io-client';
import { identities, type ClientSocket, type KeyValueStorage } from '@leadboard/client';
import type { AckError, JoinAck, Snapshot, WorkshopSummary, You } from '@leadboard/core';

export type { WorkshopSummary };

export type JoinOutcome = { ok: true } | { ok: false; error: AckError };

const OFFLINE: AckError = { code: 'UNAVAILABLE', message: 'Can’t reach the workshop. Check your connection and try again.' };

/** The join page's words for each refusal; the server's message where we have nothing better. */
export function joinErrorMessage(error: AckError, code: string): string {
  switch (error.code) {
    case 'NOT_FOUND':
      return `No workshop has the code ${code}. Check the code on the screen.`;
    case 'WRONG_PHASE':
      return 'This workshop has ended, so it no longer takes new people.';
    case 'ROOM_FULL':
      return 'This workshop is full. Ask the facilitator to make room.';
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
    const res = await fetch(`/api/workshops/${encodeURIComponent(code)}`, { signal, headers: { accept: 'application/json' } });
    if (res.ok) return { ok: true, summary: (await res.json()) as WorkshopSummary };
    return { ok: false, error: await errorOf(res) };
  } catch {
    return { ok: false, error: OFFLINE };
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
  let res: Response;
  try {
    res = await fetch(`/api/workshops/${encodeURIComponent(code)}/my-summary`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/markdown' },
    });
  } catch {
    return { ok: false, error: OFFLINE };
  }
  if (!res.ok) return { ok: false, error: await errorOf(res) };
  const blob = await res.blob();
  const url = URL.createObjectURL(new Blob([blob], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(res.headers.get('content-disposition')) ?? `leadboard-${code}-summary.md`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true };
}

export function filenameOf(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  const name = match?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : null;
}

async function errorOf(res: Response): Promise<AckError> {
  try {
    const body = (await res.json()) as { error?: Partial<AckError> };
    if (body.error?.code && body.error.message) return body.error as AckError;
  } catch {
    // Not JSON: fall through to a message from the status.
  }
  if (res.status === 404) return { code: 'NOT_FOUND', message: 'Not found.' };
  if (res.status === 401 || res.status === 403) return { code: 'FORBIDDEN', message: 'This device is no longer allowed to fetch it.' };
  if (res.status === 429) return { code: 'RATE_LIMITED', message: 'Too many requests; wait a moment and try again.' };
  return { code: 'UNAVAILABLE', message: `The server answered ${res.status}. Try again in a moment.` };
}
