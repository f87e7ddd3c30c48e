import { io } from 'socket.io-client';
import { ackErrorOf, fetchFile, identities, request, type ClientSocket, type HttpWording, type KeyValueStorage } from '@leadboard/client';
import { saveBlob } from '@leadboard/client/page';
import type { AckError, JoinAck, Snapshot, WorkshopSummary, You } from '@leadboard/core';
import { i18n, refusalMessage } from '../i18n/index.js';

export type { WorkshopSummary };

export type JoinOutcome = { ok: true } | { ok: false; error: AckError };

const t = i18n.global.t;

function offline(): AckError {
  return { code: 'UNAVAILABLE', message: t('phone.join.offline') };
}

/** The phone's words for refusals the server did not explain, in the phone's language when asked. */
function wording(): HttpWording {
  return { 0: t('phone.join.offline'), 401: t('phone.join.forbidden'), 403: t('phone.join.forbidden') };
}

/** The join page's words for each refusal, in the phone's language; the code's own words where we have nothing better. */
export function joinErrorMessage(error: AckError, code: string): string {
  switch (error.code) {
    case 'NOT_FOUND':
      return t('phone.join.notFound', { code });
    case 'WRONG_PHASE':
      return t('phone.join.ended');
    case 'LOCKED':
      return t('phone.join.locked');
    case 'REMOVED':
      return t('phone.join.removed');
    case 'RATE_LIMITED': {
      const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000));
      return t('phone.join.rateLimited', { n: seconds }, seconds);
    }
    case 'UNAVAILABLE':
      return t('phone.join.offline');
    default:
      return refusalMessage(error);
  }
}

/** The public summary of a room, or the reason there is none. */
export async function fetchWorkshop(code: string, signal?: AbortSignal): Promise<{ ok: true; summary: WorkshopSummary } | { ok: false; error: AckError }> {
  try {
    const res = await request(`/api/workshops/${encodeURIComponent(code)}`, { signal, headers: { accept: 'application/json' } }, wording());
    return { ok: true, summary: (await res.json()) as WorkshopSummary };
  } catch (error) {
    return { ok: false, error: ackErrorOf(error, wording()) };
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
    if (!ack.you.token || !ack.you.id) return { ok: false, error: { code: 'INTERNAL', message: t('phone.join.noIdentity') } };
    identities.saveParticipant(storage, code, { token: ack.you.token, participantId: ack.you.id, name });
    takeHandoff('');
    handoff = { code, socket, you: ack.you, snapshot: ack.snapshot };
    kept = true;
    return { ok: true };
  } catch {
    return { ok: false, error: offline() };
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
      { wording: wording(), type: 'text/markdown;charset=utf-8' },
    );
    saveBlob(blob, filename);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: ackErrorOf(error, wording()) };
  }
}
