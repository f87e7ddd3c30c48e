import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, CommandAck, CommandDraft, JoinAck, ServerToClientEvents } from '@leadboard/core';

export interface Workshop {
  code: string;
  facilitatorToken: string;
  stageToken: string;
  facilitatorUrl: string;
  joinUrl: string;
  stageUrl: string;
}

/** Create a workshop through the HTTP API. */
export async function createWorkshop(baseURL: string, body: object = {}): Promise<Workshop> {
  const res = await fetch(`${baseURL}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Workshop;
}

/** Someone taking part through the protocol alone (no browser): for crowds and for the facilitator's side. */
export class ProtocolClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  id: string | null = null;
  token: string | null = null;
  private n = 0;

  constructor(baseURL: string) {
    this.socket = io(baseURL, { transports: ['websocket'], forceNew: true });
  }

  async join(payload: Parameters<ClientToServerEvents['join']>[0]): Promise<JoinAck & { ok: true }> {
    const ack = await this.socket.timeout(10_000).emitWithAck('join', payload);
    if (!ack.ok) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    this.id = ack.you.id;
    this.token = ack.you.token;
    return ack;
  }

  async must(draft: CommandDraft): Promise<(CommandAck & { ok: true })['result']> {
    const ack = await this.socket.timeout(10_000).emitWithAck('command', { id: `e2e-${++this.n}-${Date.now()}`, ...draft });
    if (!ack.ok) throw new Error(`${draft.type} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.result;
  }

  close(): void {
    this.socket.close();
  }
}

const here = dirname(fileURLToPath(import.meta.url));

/** Save a screenshot as a test artefact (tests/artifacts/screenshots, not committed). */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = join(here, '..', 'artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
